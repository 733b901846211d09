using MediatR;
using Marketplace.Platform;

namespace Marketplace.Bids;

/// <summary>The job's business (and its producers) compare all bids; a worker sees only its own.</summary>
public static class ListJobBids
{
    public sealed record Query(string JobId) : IRequest<IReadOnlyList<Bid>>;

    private sealed class Access
    {
        public bool Runs { get; init; }
    }

    /// <summary>Cheapest first, on ix_bids_job_amount (job_id, amount, id).</summary>
    internal const string AllSql = "SELECT b.* FROM bid_details b WHERE b.job_id = @JobId ORDER BY b.amount, b.id";

    internal const string OwnSql = "SELECT b.* FROM bid_details b WHERE b.job_id = @JobId AND b.worker_id = @Me ORDER BY b.amount, b.id";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Bid>>
    {
        public async Task<IReadOnlyList<Bid>> Handle(Query query, CancellationToken ct)
        {
            var access = await db.QuerySingleOrDefaultAsync<Access>(
                """
                SELECT CASE WHEN EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me AND a.relation IN ('business', 'producer')) THEN 1 ELSE 0 END AS runs
                FROM jobs j
                WHERE j.id = @JobId AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { query.JobId, Me = caller.Id })
                ?? throw new NotFoundException("No such job.");
            if (!access.Runs && caller.Role != Role.Worker)
                throw new ForbiddenException("Only the job's business, its producer and bidding workers may see its bids.");
            var bids = await db.QueryAsync<Bid>(access.Runs ? AllSql : OwnSql, new { query.JobId, Me = caller.Id });
            return await Teams.BidTeam.OnAsync(db, bids);
        }
    }

    public static void Map(IEndpointRouteBuilder bids) =>
        bids.MapGet("/jobs/{id}/bids", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListJobBids").ProducesProblem(403).ProducesProblem(404);
}
