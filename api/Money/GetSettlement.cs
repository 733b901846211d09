using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>A contract's money as its parties see it: the split, and whether it is funded and released.</summary>
public sealed record SettlementView
{
    public required long Amount { get; init; }
    public required long ProducerFee { get; init; }
    public required long PlatformFee { get; init; }
    public required long WithholdingTax { get; init; }
    public required long WorkerNet { get; init; }
    /// <summary>
    /// What the business pays into escrow: the amount less the tax withheld (the business remits that itself) plus the
    /// producer's fee, which is what acceptance pays out. A contract funded before that rule held the tax too
    /// (<see cref="WithholdingInEscrow"/>).
    /// </summary>
    public required long EscrowTotal { get; init; }
    /// <summary>Funded before withholding left the escrow: the escrow holds the tax too, and gives it back at release.</summary>
    public bool WithholdingInEscrow { get; init; }
    public required bool Funded { get; init; }
    /// <summary>The escrow has paid out what the contract owes: its release, or a milestone contract's last milestone's.</summary>
    public required bool Released { get; init; }
    /// <summary>What the contract's escrow account holds now, from the ledger.</summary>
    public required long EscrowBalance { get; init; }
    public string? PaymentId { get; init; }
    public string? PaymentStatus { get; init; }
    /// <summary>
    /// When the business must pay the withheld tax to the tax office: the 10th of the month after the release
    /// (所得税法第204条第1項; 第183条 says the same of salaries), or, before the release, after a release today (what acceptance now would mean). None when
    /// nothing is withheld.
    /// </summary>
    public DateOnly? RemitWithholdingBy { get; init; }
    /// <summary>
    /// How the contract closed when it closed paying the worker a share: `cancellation` (agreed) or `decision` (an
    /// administrator's); null otherwise, the split above being then what is (or was) paid.
    /// </summary>
    public string? ClosedBy { get; init; }
    /// <summary>
    /// On a close by cancellation or decision, what was actually paid: the worker's share split at the contract's rates
    /// (fees and tax on the share, art. 204), as the ledger released it and the documents bill it. The whole amount's split
    /// above is then only what the award fixed.
    /// </summary>
    public SettlementPaid? Paid { get; init; }
    /// <summary>On a close by cancellation or decision, what the escrow gave back to the business (from the ledger).</summary>
    public long? Refunded { get; init; }
}

/// <summary>The split of what a cancellation or a decision paid the worker for.</summary>
public sealed record SettlementPaid
{
    public required long Amount { get; init; }
    public required long ProducerFee { get; init; }
    public required long PlatformFee { get; init; }
    public required long WithholdingTax { get; init; }
    public required long WorkerNet { get; init; }
}

/// <summary>How a contract's money is split and where it stands, for its parties.</summary>
public static class GetSettlement
{
    public sealed record Query(string ContractId) : IRequest<SettlementView>;

    private sealed class Row
    {
        public long Amount { get; init; }
        public long ProducerFee { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public bool WithholdingInEscrow { get; init; }
        public DateTimeOffset? FundedAt { get; init; }
        public DateTimeOffset? ReleasedAt { get; init; }
        public long EscrowBalance { get; init; }
        public string? PaymentId { get; init; }
        public string? PaymentStatus { get; init; }
        public string? ClosedBy { get; init; }
        public long? WorkerShare { get; init; }
        public long PlatformFeeBps { get; init; }
        public long ProducerFeeBps { get; init; }
        public bool Withholds { get; init; }
        public long Refunded { get; init; }
        public long TeamWithholding { get; init; }
        public long Milestones { get; init; }
        public long MilestonesProducerFee { get; init; }
        public long MilestonesPlatformFee { get; init; }
        public long MilestonesWithholdingTax { get; init; }
        public long MilestonesOpen { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, SettlementView>
    {
        public async Task<SettlementView> Handle(Query query, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<Row>(
                """
                SELECT c.amount, c.producer_fee, c.platform_fee, c.withholding_tax, c.withholding_in_escrow, c.funded_at, c.released_at,
                       COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = @Escrow), 0) AS escrow_balance,
                       p.id AS payment_id, p.status AS payment_status,
                       c.closed_by, c.worker_share, c.platform_fee_bps, c.producer_fee_bps, c.withholds,
                       -- What a team contract's release withheld from its people: more than the split's when a company
                       -- director's individual members were withheld on (Teams/TeamSplit.cs).
                       (SELECT COALESCE(SUM(s.withholding_tax), 0) FROM team_shares s WHERE s.contract_id = c.id) AS team_withholding,
                       -- A contract paid in milestones pays each with its own fees and withholding (rounded per payment):
                       -- its split is theirs added up, which can differ by a yen a payment from the whole amount's.
                       COALESCE(ms.milestones, 0) AS milestones, COALESCE(ms.producer_fee, 0) AS milestones_producer_fee,
                       COALESCE(ms.platform_fee, 0) AS milestones_platform_fee, COALESCE(ms.withholding_tax, 0) AS milestones_withholding_tax,
                       COALESCE(ms.open_count, 0) AS milestones_open,
                       -- What the release gave back to the business: its line of the contract's one release posting.
                       COALESCE((SELECT SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                                 WHERE t.event_key = @Release AND e.account = 'business:' || c.business_id), 0) AS refunded
                FROM contracts c
                -- The latest payment: a raised amount adds a second one (ix_payments_contract).
                LEFT JOIN payments p ON p.id = (SELECT MAX(q.id) FROM payments q WHERE q.contract_id = c.id)
                -- Its milestones added up, read once (ix_milestones on contract_id).
                LEFT JOIN (SELECT m.contract_id, COUNT(*) AS milestones, SUM(m.producer_fee) AS producer_fee, SUM(m.platform_fee) AS platform_fee,
                                  SUM(m.withholding_tax) AS withholding_tax,
                                  SUM(CASE WHEN m.status NOT IN ('accepted', 'cancelled') THEN 1 ELSE 0 END) AS open_count
                           FROM milestones m WHERE m.contract_id = @Id GROUP BY m.contract_id) ms ON ms.contract_id = c.id
                WHERE c.id = @Id AND EXISTS (SELECT 1 FROM contract_parties cp WHERE cp.contract_id = c.id AND cp.user_id = @Me)
                """, new { Id = query.ContractId, Me = caller.Id, Escrow = LedgerAccount.Escrow(query.ContractId).Key,
                       Release = $"release:{query.ContractId}" })
                ?? throw new NotFoundException("No such contract.");
            var split = row.Milestones > 0
                ? new Split(row.Amount, row.MilestonesProducerFee, row.MilestonesPlatformFee, row.MilestonesWithholdingTax)
                : new Split(row.Amount, row.ProducerFee, row.PlatformFee, row.WithholdingTax);
            // A cancellation or a decision paid a share, split as Closing split it (ContractMoney.SplitOf).
            var shared = row.WorkerShare is { } share && row.ClosedBy is "cancellation" or "decision"
                ? Split.For(share, row.ProducerFeeBps, row.PlatformFeeBps, row.Withholds)
                : null;
            return new SettlementView
            {
                Amount = split.Amount, ProducerFee = split.ProducerFee, PlatformFee = split.PlatformFee,
                WithholdingTax = split.WithholdingTax, WorkerNet = split.WorkerNet,
                EscrowTotal = split.PaidIn + (row.WithholdingInEscrow ? split.WithholdingTax : 0), WithholdingInEscrow = row.WithholdingInEscrow,
                Funded = row.FundedAt is not null, Released = row.ReleasedAt is not null && row.MilestonesOpen == 0, EscrowBalance = row.EscrowBalance,
                PaymentId = row.PaymentId, PaymentStatus = row.PaymentStatus,
                RemitWithholdingBy = (shared ?? split).WithholdingTax == 0 && row.TeamWithholding == 0
                    ? null : Withholding.RemitBy(row.ReleasedAt ?? clock.GetUtcNow()),
                ClosedBy = shared is null ? null : row.ClosedBy,
                Paid = shared is null ? null : new SettlementPaid
                {
                    Amount = shared.Amount, ProducerFee = shared.ProducerFee, PlatformFee = shared.PlatformFee,
                    WithholdingTax = shared.WithholdingTax, WorkerNet = shared.WorkerNet,
                },
                Refunded = shared is null ? null : row.Refunded,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/contracts/{id}/settlement", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetSettlement").ProducesProblem(404);
}
