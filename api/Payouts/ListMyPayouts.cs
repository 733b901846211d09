using FluentValidation;
using MediatR;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>
/// A worker's money on its way out: the balance available now, when it is next transferred (the gathered batch's date,
/// or the office's next transfer day when the balance will be paid then), whether a bank account is missing, and every
/// payout, newest first.
/// </summary>
public static class ListMyPayouts
{
    public sealed record Query : IRequest<MyPayouts>
    {
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    /// <param name="AvailableBalance">Released and not yet gathered into a transfer.</param>
    /// <param name="MinimumYen">A balance under this waits for the next transfer after it is reached.</param>
    /// <param name="BankAccountHeldReason">Why the account is held (a transfer came back), until the worker saves it again.</param>
    /// <param name="Payouts">Every payout, newest first.</param>
    /// <param name="BankAccountMissing">No bank account is saved: nothing can be transferred until one is.</param>
    /// <param name="NextTransferOn">
    /// The day of the next transfer (Japan): the gathered batch's when the worker is in one, else the office's next
    /// transfer day (Payouts:TransferDaysOfMonth) when the balance reaches the minimum and the account can be paid; none otherwise.
    /// </param>
    public sealed record MyPayouts(long AvailableBalance, long MinimumYen, string? BankAccountHeldReason, Page<MyPayout> Payouts,
        bool BankAccountMissing, DateOnly? NextTransferOn);

    public sealed record MyPayout
    {
        public required string Id { get; init; }
        public required string BatchId { get; init; }
        public required long Amount { get; init; }
        public required long TransferFee { get; init; }
        /// <summary>What the bank transfers to the worker's account.</summary>
        public required long Net { get; init; }
        public required PayoutStatus Status { get; init; }
        public required DateOnly TransferOn { get; init; }
        public DateOnly? PaidOn { get; init; }
        public string? ReturnedReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Cursor).PlainText().ValidCursor();
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string BatchId { get; init; } = "";
        public long Amount { get; init; }
        public long TransferFee { get; init; }
        public long Net { get; init; }
        public PayoutStatus Status { get; init; }
        public DateOnly TransferOn { get; init; }
        public DateOnly? PaidOn { get; init; }
        public string? ReturnedReason { get; init; }
    }

    private sealed class Account
    {
        public string? HeldReason { get; init; }
    }

    private sealed class Gathered
    {
        public DateOnly TransferOn { get; init; }
    }

    /// <summary>Newest first on ix_payouts_worker (worker_id, id).</summary>
    internal const string Sql = """
        SELECT p.id, p.batch_id, p.amount, p.transfer_fee, p.net, p.status, b.transfer_on, b.paid_on, p.returned_reason
        FROM payouts p JOIN payout_batches b ON b.id = p.batch_id
        WHERE p.worker_id = @Me AND p.id < @After
        ORDER BY p.id DESC LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller, Microsoft.Extensions.Options.IOptions<PayoutOptions> options, TimeProvider clock)
        : IRequestHandler<Query, MyPayouts>
    {
        public async Task<MyPayouts> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Worker, "be paid out");
            var limit = Paging.Clamp(query.Limit);
            var rows = await db.QueryAsync<Row>(Sql, new { Me = caller.Id, After = Paging.After(query.Cursor), Take = limit + 1 });
            // Available now is all the worker's account holds: every credit, less every payout gathered, plus every one returned.
            var available = await Ledger.BalanceAsync(db, LedgerAccount.Worker(caller.Id));
            var account = await db.QuerySingleOrDefaultAsync<Account>("SELECT held_reason FROM bank_accounts WHERE worker_id = @Me", new { Me = caller.Id });
            var gathered = await db.QuerySingleOrDefaultAsync<Gathered>(
                "SELECT b.transfer_on FROM payouts p JOIN payout_batches b ON b.id = p.batch_id WHERE p.worker_id = @Me AND p.status = 'pending'",
                new { Me = caller.Id });
            var settings = options.Value;
            DateOnly? next = gathered is not null ? gathered.TransferOn
                : account is { HeldReason: null } && available >= settings.MinimumYen
                    ? settings.NextScheduledTransferAfter(JapanTime.DayOf(clock.GetUtcNow())) : null;
            var page = Paging.From(rows.Select(r => new MyPayout
            {
                Id = r.Id, BatchId = r.BatchId, Amount = r.Amount, TransferFee = r.TransferFee, Net = r.Net, Status = r.Status,
                TransferOn = r.TransferOn, PaidOn = r.PaidOn, ReturnedReason = r.ReturnedReason,
            }).ToList(), limit, p => p.Id);
            return new MyPayouts(available, settings.MinimumYen, account?.HeldReason, page, BankAccountMissing: account is null, NextTransferOn: next);
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapGet("/me/payouts", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListMyPayouts").ProducesValidationProblem().ProducesProblem(403);
}
