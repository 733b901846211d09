using MediatR;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>One batch with every transfer in it: the only place an administrator sees workers' bank accounts.</summary>
public static class GetPayoutBatch
{
    public sealed record Query(string BatchId) : IRequest<PayoutBatch>;

    internal sealed class BatchRow
    {
        public string Id { get; init; } = "";
        public DateTimeOffset Cutoff { get; init; }
        public string TransferOn { get; init; } = "";
        public PayoutBatchStatus Status { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string? PaidOn { get; init; }
        public int Count { get; init; }
        public long TotalNet { get; init; }
        public long TotalFees { get; init; }

        public PayoutBatch ToBatch(IReadOnlyList<BatchPayout>? payouts) => new()
        {
            Id = Id, Cutoff = Cutoff, TransferOn = DateOnly.ParseExact(TransferOn, "yyyy-MM-dd"), Status = Status, Count = Count,
            TotalNet = TotalNet, TotalFees = TotalFees, CreatedAt = CreatedAt,
            PaidOn = PaidOn is null ? null : DateOnly.ParseExact(PaidOn, "yyyy-MM-dd"), Payouts = payouts,
        };
    }

    /// <summary>A batch's totals: returned transfers stay counted, since the file and the bank's record include them.</summary>
    internal const string BatchColumns = """
        b.id, b.cutoff, b.transfer_on, b.status, b.created_at, b.paid_on,
        (SELECT COUNT(*) FROM payouts p WHERE p.batch_id = b.id) AS count,
        (SELECT COALESCE(SUM(p.net), 0) FROM payouts p WHERE p.batch_id = b.id) AS total_net,
        (SELECT COALESCE(SUM(p.transfer_fee), 0) FROM payouts p WHERE p.batch_id = b.id) AS total_fees
        """;

    internal const string PayoutsSql = """
        SELECT p.id, p.worker_id, u.display_name AS worker_name, p.amount, p.transfer_fee, p.net, p.bank_code, p.branch_code,
               p.account_type, p.account_number, p.holder_name, p.status, p.returned_reason
        FROM payouts p JOIN users u ON u.id = p.worker_id
        WHERE p.batch_id = @Id
        ORDER BY p.id
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, PayoutBatch>
    {
        public async Task<PayoutBatch> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "see payout batches");
            var batch = await db.QuerySingleOrDefaultAsync<BatchRow>($"SELECT {BatchColumns} FROM payout_batches b WHERE b.id = @Id", new { Id = query.BatchId })
                ?? throw new NotFoundException("No such payout batch.");
            return batch.ToBatch(await db.QueryAsync<BatchPayout>(PayoutsSql, new { Id = query.BatchId }));
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapGet("/admin/payout-batches/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetPayoutBatch").ProducesProblem(403).ProducesProblem(404);
}
