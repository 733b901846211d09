using MediatR;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>One batch with every transfer in it: the only place an administrator sees workers' bank accounts.</summary>
public static class GetPayoutBatch
{
    public sealed record Query(string BatchId) : IRequest<PayoutBatch>;

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
            // With its totals (payout_batch_details: returned transfers stay counted).
            var batch = await db.QuerySingleOrDefaultAsync<PayoutBatchRow>("SELECT b.* FROM payout_batch_details b WHERE b.id = @Id", new { Id = query.BatchId })
                ?? throw new NotFoundException("No such payout batch.");
            return batch.ToBatch(await db.QueryAsync<BatchPayout>(PayoutsSql, new { Id = query.BatchId }));
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapGet("/admin/payout-batches/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetPayoutBatch").ProducesProblem(403).ProducesProblem(404);
}
