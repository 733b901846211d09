using MediatR;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Bids;

/// <summary>
/// The job's business (and its producers) compare all bids, each pending one with what awarding it would cost
/// (<see cref="AwardCost"/>); a worker sees only its own.
/// </summary>
public static class ListJobBids
{
    public sealed record Query(string JobId) : IRequest<IReadOnlyList<Bid>>;

    private sealed class Access
    {
        public bool Runs { get; init; }
        public JobCategory Category { get; init; }
        public bool BusinessIsAgent { get; init; }
        public long? ProducerFeeBps { get; init; }
    }

    private sealed class Payee
    {
        public string BidId { get; init; } = "";
        public bool IsIndividual { get; init; }
    }

    /// <summary>Cheapest first, on ix_bids_job_amount (job_id, amount, id).</summary>
    internal const string AllSql = "SELECT b.* FROM bid_details b WHERE b.job_id = @JobId ORDER BY b.amount, b.id";

    internal const string OwnSql = "SELECT b.* FROM bid_details b WHERE b.job_id = @JobId AND b.worker_id = @Me ORDER BY b.amount, b.id";

    /// <summary>Who an award of each bid pays (a team's bid: its director, as AwardJob makes the contract) and whether a person.</summary>
    private const string PayeesSql = """
        SELECT b.id AS bid_id, u.is_individual
        FROM bids b LEFT JOIN teams t ON t.id = b.team_id JOIN users u ON u.id = COALESCE(t.director_id, b.worker_id)
        WHERE b.job_id = @JobId AND b.status = 'pending'
        """;

    public sealed class Handler(DbSession db, Caller caller, IOptions<MoneyOptions> money) : IRequestHandler<Query, IReadOnlyList<Bid>>
    {
        public async Task<IReadOnlyList<Bid>> Handle(Query query, CancellationToken ct)
        {
            var access = await db.QuerySingleOrDefaultAsync<Access>(
                """
                SELECT CASE WHEN EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me AND a.relation IN ('business', 'producer')) THEN 1 ELSE 0 END AS runs,
                       j.category, u.is_withholding_agent AS business_is_agent,
                       (SELECT pc.fee_rate_bps FROM producer_clients pc
                        WHERE pc.business_id = j.business_id AND pc.producer_id = j.producer_id) AS producer_fee_bps
                FROM jobs j JOIN users u ON u.id = j.business_id
                WHERE j.id = @JobId AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { query.JobId, Me = caller.Id })
                ?? throw new NotFoundException("No such job.");
            if (!access.Runs && caller.Role != Role.Worker)
                throw new ForbiddenException("Only the job's business, its producer and bidding workers may see its bids.");
            var bids = await db.QueryAsync<Bid>(access.Runs ? AllSql : OwnSql, new { query.JobId, Me = caller.Id });
            if (access.Runs) bids = await WithAwardCostsAsync(query.JobId, bids, access);
            return await Teams.BidTeam.OnAsync(db, bids);
        }

        /// <summary>
        /// Each pending bid with what its award would cost, split by the rules the award applies (AwardJob): the job's
        /// producer fee, today's platform fee, and withholding when the payee is a person and the business an agent.
        /// </summary>
        private async Task<IReadOnlyList<Bid>> WithAwardCostsAsync(string jobId, IReadOnlyList<Bid> bids, Access job)
        {
            var individual = (await db.QueryAsync<Payee>(PayeesSql, new { JobId = jobId }))
                .ToDictionary(p => p.BidId, p => p.IsIndividual);
            var options = money.Value;
            return bids.Select(bid =>
            {
                if (!individual.TryGetValue(bid.Id, out var isIndividual)) return bid;
                var withholds = Withholding.Applies(isIndividual, job.BusinessIsAgent, job.Category, options.WithheldCategories);
                var split = Split.For(bid.Amount, job.ProducerFeeBps ?? 0, options.PlatformFeeBps, withholds);
                return bid with { AwardCost = new AwardCost(split.PaidIn, split.ProducerFee, split.WithholdingTax) };
            }).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder bids) =>
        bids.MapGet("/jobs/{id}/bids", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListJobBids").ProducesProblem(403).ProducesProblem(404);
}
