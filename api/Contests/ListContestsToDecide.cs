using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>
/// <c>GET /api/admin/contests</c>: the contests whose business chose no winner within 14 days after the deadline and
/// that had their minimum of entries, which an administrator decides by the business's ratings (<see cref="DecideWinner"/>;
/// the clock tells the administrators of each once, <see cref="AskAdministrators"/>). The longest waiting first, up to 100.
/// </summary>
public static class ListContestsToDecide
{
    public sealed record Query : IRequest<IReadOnlyList<ContestSummary>>;

    public const int Take = 100;

    /// <summary>Open contests past their choosing time, on ix_contests_choose_by (status, choose_by).</summary>
    internal const string ToDecideSql = """
        SELECT c.job_id FROM contests c
        WHERE c.status = 'open' AND c.choose_by <= @Now
          AND (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id) >= c.minimum_entries
        ORDER BY c.status, c.choose_by
        LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<ContestSummary>>
    {
        public async Task<IReadOnlyList<ContestSummary>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "list the contests awaiting a decision");
            var now = clock.GetUtcNow();
            var ids = (await db.QueryAsync<string>(ToDecideSql, new { Now = now, Take })).ToArray();
            return await ContestSummaries.ReadAsync(db, caller.Id, ids, now);
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/admin/contests", (IMediator mediator) => mediator.Send(new Query()))
            .PersonOnly().WithName("ListContestsToDecide").ProducesProblem(403);
}
