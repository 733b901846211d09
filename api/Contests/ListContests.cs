using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>
/// <c>GET /api/contests</c>: the contests a caller deals with: those still taking entries that it may see (a worker's
/// board, deadline first), its own (a business's, newest first), and those it entered, closed ones included (entries
/// of a closed contest stay visible to their authors). Each list is read in order from an index, up to 100.
/// </summary>
public static class ListContests
{
    public sealed record Query : IRequest<IReadOnlyList<ContestSummary>>;

    public const int Take = 100;

    /// <summary>Contests taking entries, that the caller may see, on ix_contests_status.</summary>
    internal const string TakingEntriesSql = """
        SELECT c.job_id FROM contests c
        WHERE c.status = 'open' AND c.entries_close_at > @Now
          AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = c.job_id AND v.user_id = @Me)
        ORDER BY c.status, c.entries_close_at
        LIMIT @Take
        """;

    /// <summary>The business's own contests, newest first, on ix_jobs_business.</summary>
    internal const string OwnSql = """
        SELECT j.id FROM jobs j JOIN contests c ON c.job_id = j.id
        WHERE j.business_id = @Me
        ORDER BY j.business_id DESC, j.id DESC
        LIMIT @Take
        """;

    /// <summary>The contests of the caller's entries (one row per entry), newest first, on ix_contest_entries_worker.</summary>
    internal const string EnteredSql = """
        SELECT e.job_id FROM contest_entries e
        WHERE e.worker_id = @Me
        ORDER BY e.worker_id DESC, e.id DESC
        LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<ContestSummary>>
    {
        public async Task<IReadOnlyList<ContestSummary>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var args = new { Me = caller.Id, Now = now, Take };
            var ids = (await db.QueryAsync<string>(OwnSql, args))
                .Concat(await db.QueryAsync<string>(EnteredSql, args))
                .Concat(await db.QueryAsync<string>(TakingEntriesSql, args))
                .Distinct(StringComparer.Ordinal).Take(Take).ToArray();
            return await ContestSummaries.ReadAsync(db, caller.Id, ids, now);
        }
    }

    public static void Map(IEndpointRouteBuilder contests) =>
        contests.MapGet("/contests", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListContests").ProducesProblem(401);
}
