using MediatR;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>A worker sees the account it will be paid into; nobody else reads it outside a payout batch.</summary>
public static class GetBankAccount
{
    public sealed record Query : IRequest<BankAccountView>;

    private sealed class Row
    {
        public string BankCode { get; init; } = "";
        public string BranchCode { get; init; } = "";
        public BankAccountType AccountType { get; init; }
        public string AccountNumber { get; init; } = "";
        public string HolderName { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
        public long RowVersion { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, BankAccountView>
    {
        public async Task<BankAccountView> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Worker, "keep a bank account for payouts");
            var row = await db.QuerySingleOrDefaultAsync<Row>(
                "SELECT bank_code, branch_code, account_type, account_number, holder_name, updated_at, row_version FROM bank_accounts WHERE worker_id = @Me",
                new { Me = caller.Id }) ?? throw new NotFoundException("No bank account yet: add one to be paid out.");
            return new BankAccountView
            {
                BankCode = row.BankCode, BranchCode = row.BranchCode, AccountType = row.AccountType,
                AccountNumberMasked = BankAccountView.Mask(row.AccountNumber), HolderName = row.HolderName, UpdatedAt = row.UpdatedAt, RowVersion = row.RowVersion,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapGet("/me/bank-account", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("GetBankAccount").WithETag().ProducesProblem(403).ProducesProblem(404);
}
