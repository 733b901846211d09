using FluentValidation;
using Dapper;
using MediatR;
using Marketplace.Contracts;
using Marketplace.Platform;

namespace Marketplace.Money;

public sealed record SettlementView
{
    public required long Amount { get; init; }
    public required long ProducerFee { get; init; }
    public required long PlatformFee { get; init; }
    public required long WithholdingTax { get; init; }
    public required long WorkerNet { get; init; }
    /// <summary>What the business pays into escrow: amount plus producer fee.</summary>
    public required long EscrowTotal { get; init; }
    public required bool Funded { get; init; }
    public required bool Released { get; init; }
    /// <summary>What the contract's escrow account holds now, from the ledger.</summary>
    public required long EscrowBalance { get; init; }
    public string? PaymentId { get; init; }
    public string? PaymentStatus { get; init; }
}

public static class GetSettlement
{
    public sealed record Query(string ContractId) : IRequest<SettlementView>;

    private sealed class Row
    {
        public long Amount { get; init; }
        public long ProducerFee { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public DateTimeOffset? FundedAt { get; init; }
        public DateTimeOffset? ReleasedAt { get; init; }
        public long EscrowBalance { get; init; }
        public string? PaymentId { get; init; }
        public string? PaymentStatus { get; init; }
    }

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, SettlementView>
    {
        public async Task<SettlementView> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var contract = await ContractSql.GetForPartyAsync(connection, query.ContractId, caller);
            var row = await connection.QuerySingleAsync<Row>(
                """
                SELECT c.amount, c.producer_fee, c.platform_fee, c.withholding_tax, c.funded_at, c.released_at,
                       COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = @Escrow), 0) AS escrow_balance,
                       p.id AS payment_id, p.status AS payment_status
                FROM contracts c LEFT JOIN payments p ON p.contract_id = c.id
                WHERE c.id = @Id
                """, new { contract.Id, Escrow = Accounts.Escrow(contract.Id) });
            var split = new Split(row.Amount, row.ProducerFee, row.PlatformFee, row.WithholdingTax);
            return new SettlementView
            {
                Amount = split.Amount, ProducerFee = split.ProducerFee, PlatformFee = split.PlatformFee,
                WithholdingTax = split.WithholdingTax, WorkerNet = split.WorkerNet, EscrowTotal = split.EscrowTotal,
                Funded = row.FundedAt is not null, Released = row.ReleasedAt is not null, EscrowBalance = row.EscrowBalance,
                PaymentId = row.PaymentId, PaymentStatus = row.PaymentStatus,
            };
        }
    }
}

/// <summary>An administrator confirms that the bank transfer for a contract arrived.</summary>
public static class ConfirmPayment
{
    public sealed record Command(string PaymentId) : IRequest<Unit>;

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Administrator, "confirm payments");
            await db.InTransactionAsync(async (connection, tx) =>
            {
                await Escrow.ConfirmPaymentAsync(connection, tx, command.PaymentId, caller.Id, clock.GetUtcNow());
                return 0;
            }, ct);
            return Unit.Value;
        }
    }
}

/// <summary>A business says whether it withholds income tax on what it pays individuals.</summary>
public static class UpdateBusinessProfile
{
    public sealed record Command : IRequest<BusinessProfile>
    {
        public bool IsWithholdingAgent { get; init; }
    }

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Command, BusinessProfile>
    {
        public async Task<BusinessProfile> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Business, "keep a business profile");
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync("UPDATE users SET is_withholding_agent = @Agent WHERE id = @Me",
                new { Agent = command.IsWithholdingAgent, Me = caller.Id });
            return new BusinessProfile(command.IsWithholdingAgent);
        }
    }
}

public sealed record BusinessProfile(bool IsWithholdingAgent);

public static class MoneyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization().WithTags("Money");
        group.MapGet("/contracts/{id}/settlement", (string id, IMediator mediator) => mediator.Send(new GetSettlement.Query(id)))
            .WithName("GetSettlement").ProducesProblem(404);
        group.MapPost("/payments/{id}/confirm", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new ConfirmPayment.Command(id));
                return TypedResults.NoContent();
            })
            .WithName("ConfirmPayment").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapPut("/me/business-profile", (UpdateBusinessProfile.Command command, IMediator mediator) => mediator.Send(command))
            .WithName("UpdateBusinessProfile").ProducesProblem(403);
    }
}

/// <summary>The administrator's queue: transfers to check against the bank account.</summary>
public static class ListPayments
{
    public sealed record Payment
    {
        public required string Id { get; init; }
        public required string ContractId { get; init; }
        public required string JobTitle { get; init; }
        public required string BusinessName { get; init; }
        public required long Amount { get; init; }
        public required string Provider { get; init; }
        public required string Status { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ConfirmedAt { get; init; }
    }

    public sealed record Query : IRequest<IReadOnlyList<Payment>>
    {
        /// <summary>pending (the default), confirmed or cancelled.</summary>
        public string? Status { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Status).Must(s => s is null or "pending" or "confirmed" or "cancelled")
            .WithMessage("Status must be one of: pending, confirmed, cancelled.");
    }

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Payment>>
    {
        public async Task<IReadOnlyList<Payment>> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Administrator, "list payments");
            await using var connection = await db.OpenAsync(ct);
            return (await connection.QueryAsync<Payment>(
                $"""
                SELECT p.id, p.contract_id, j.title AS job_title, u.display_name AS business_name, p.amount, p.provider, p.status,
                       p.created_at, p.confirmed_at
                FROM payments p JOIN contracts c ON c.id = p.contract_id JOIN jobs j ON j.id = c.job_id JOIN users u ON u.id = c.business_id
                WHERE p.status = @Status ORDER BY p.id {db.Dialect.Limit("200")}
                """, new { Status = query.Status ?? "pending" })).AsList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payments", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .RequireAuthorization().WithTags("Money").WithName("ListPayments").ProducesValidationProblem().ProducesProblem(403);
}
