using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Money;

/// <summary>
/// <c>GET /api/contracts/{id}/payment-request</c>: what the business needs to pay into escrow (お支払いのご案内): the
/// platform's receiving account, the amount, the due date and the transfer reference to write before its name, with
/// what happens if the money is late. The contract's latest payment: the pending one while money is asked for, else the
/// last one asked for (confirmed, or void). The business's side reads it (the business, or the producer who brokered the
/// contract); a worker has nothing to pay (403); anyone else finds no contract (404).
/// </summary>
public static class GetPaymentRequest
{
    public sealed record Query(string ContractId) : IRequest<PaymentRequest>;

    public sealed record PaymentRequest
    {
        public required string ContractId { get; init; }
        public required string JobTitle { get; init; }
        public required string BusinessName { get; init; }
        public required string WorkerName { get; init; }
        public required string PaymentId { get; init; }
        /// <summary>The number the business writes before its name on the transfer (振込人名義の前に番号), e.g. "12345678 ﾕｻﾞﾜｼﾕｿﾞｳ".</summary>
        public required string Reference { get; init; }
        /// <summary>Yen to transfer: the escrow total at the award, or the missing part after a raised amount.</summary>
        public required long Amount { get; init; }
        public required PaymentStatus Status { get; init; }
        public required DateTimeOffset RequestedAt { get; init; }
        /// <summary>The day the money is due (Japan); none for a payment asked for before due dates existed.</summary>
        public DateOnly? DueOn { get; init; }
        /// <summary>The business is reminded on this day if the money has not arrived.</summary>
        public DateOnly? RemindOn { get; init; }
        /// <summary>
        /// The award's first payment only: from this day (Japan) an award still unpaid lapses: the contract is cancelled,
        /// the job opens again for its bids, and both parties are told. A top-up has none.
        /// </summary>
        public DateOnly? LapsesOn { get; init; }
        /// <summary>The split the amount comes from (the whole contract's): the amount, the tax the business remits itself, the producer's fee.</summary>
        public required long ContractAmount { get; init; }
        public required long WithholdingTax { get; init; }
        public required long ProducerFee { get; init; }
        /// <summary>When the tax withheld is due at the tax office if the work were accepted today (none when nothing is withheld).</summary>
        public DateOnly? RemitWithholdingBy { get; init; }
        /// <summary>Where to transfer; null until the operator sets Payments:BankAccount.</summary>
        public ReceivingAccountView? BankAccount { get; init; }
        /// <summary>
        /// The milestones this payment funds (issue 24), when it funds milestones: then the split above is theirs, not the
        /// whole contract's, and the payment is theirs, not a top-up (a user trial read two different amounts to pay).
        /// </summary>
        public IReadOnlyList<FundedMilestone> Milestones { get; init; } = [];
    }

    /// <summary>A milestone a payment funds: its title and amount.</summary>
    public sealed record FundedMilestone(string Title, long Amount);

    public sealed record ReceivingAccountView(string BankName, string? BankCode, string BranchName, string? BranchCode, string AccountType,
        string AccountNumber, string HolderKana);

    private sealed class Row
    {
        public string ContractId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public string BusinessName { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string WorkerName { get; init; } = "";
        public string? ProducerId { get; init; }
        public long ContractAmount { get; init; }
        public long WithholdingTax { get; init; }
        public long ProducerFee { get; init; }
        public string? PaymentId { get; init; }
        public string? Reference { get; init; }
        public long Amount { get; init; }
        public PaymentStatus Status { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
        public DateOnly? DueOn { get; init; }
        public DateOnly? LapsesOn { get; init; }
    }

    /// <summary>
    /// The contract (to its parties, contract_parties) with its latest payment: the pending one if any (ux_payments_pending
    /// keeps it to one), else the newest, on ix_payments_contract.
    /// </summary>
    internal const string Sql = """
        SELECT c.id AS contract_id, j.title AS job_title, c.business_id, b.display_name AS business_name, c.worker_id,
               w.display_name AS worker_name, c.producer_id, c.amount AS contract_amount, c.withholding_tax, c.producer_fee,
               p.id AS payment_id, p.reference, p.amount, p.status, p.created_at AS requested_at, p.due_on, p.lapses_on
        FROM contracts c JOIN jobs j ON j.id = c.job_id JOIN users b ON b.id = c.business_id JOIN users w ON w.id = c.worker_id
        LEFT JOIN payments p ON p.id = COALESCE(
            (SELECT q.id FROM payments q WHERE q.contract_id = c.id AND q.status = 'pending'),
            (SELECT MAX(q.id) FROM payments q WHERE q.contract_id = c.id))
        WHERE c.id = @Id AND EXISTS (SELECT 1 FROM contract_parties cp WHERE cp.contract_id = c.id AND cp.user_id = @Me)
        """;

    /// <summary>The milestones a payment funds (at most 20, on ix_milestones_payment; put in the plan's order in C#).</summary>
    internal const string MilestonesSql = """
        SELECT m.position, m.title, m.amount, m.withholding_tax, m.producer_fee FROM milestones m WHERE m.payment_id = @PaymentId
        """;

    private sealed class MilestoneRow
    {
        public int Position { get; init; }
        public string Title { get; init; } = "";
        public long Amount { get; init; }
        public long WithholdingTax { get; init; }
        public long ProducerFee { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IOptions<PaymentOptions> options)
        : IRequestHandler<Query, PaymentRequest>
    {
        public async Task<PaymentRequest> Handle(Query query, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<Row>(Sql, new { Id = query.ContractId, Me = caller.Id })
                ?? throw new NotFoundException("No such contract.");
            // The business pays, or the producer who brokered the contract for it; the worker is paid and another producer
            // of the same business only reads.
            if (caller.Id != row.BusinessId && (row.ProducerId is null || caller.Id != row.ProducerId))
                throw new ForbiddenException("Only the contract's business, or its producer, is asked to pay into escrow.");
            if (row.PaymentId is null || row.Reference is null) throw new NotFoundException("No payment was asked for on this contract.");
            var settings = options.Value;
            var milestones = (await db.QueryAsync<MilestoneRow>(MilestonesSql, new { row.PaymentId })).OrderBy(m => m.Position).ToList();
            // A milestone payment's split is its milestones' (each withheld on its own), not the whole contract's.
            var (amount, withholding, producerFee) = milestones.Count == 0
                ? (row.ContractAmount, row.WithholdingTax, row.ProducerFee)
                : (milestones.Sum(m => m.Amount), milestones.Sum(m => m.WithholdingTax), milestones.Sum(m => m.ProducerFee));
            return new PaymentRequest
            {
                ContractId = row.ContractId, JobTitle = row.JobTitle, BusinessName = row.BusinessName, WorkerName = row.WorkerName,
                PaymentId = row.PaymentId, Reference = row.Reference, Amount = row.Amount, Status = row.Status, RequestedAt = row.RequestedAt,
                DueOn = row.DueOn, RemindOn = row.DueOn?.AddDays(-settings.ReminderDays), LapsesOn = row.LapsesOn,
                ContractAmount = amount, WithholdingTax = withholding, ProducerFee = producerFee,
                RemitWithholdingBy = withholding == 0 ? null : Withholding.RemitBy(clock.GetUtcNow()),
                BankAccount = TransferDetails.Of(settings.BankAccount),
                Milestones = milestones.Select(m => new FundedMilestone(m.Title, m.Amount)).ToList(),
            };
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/contracts/{id}/payment-request", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetPaymentRequest").ProducesProblem(403).ProducesProblem(404);
}
