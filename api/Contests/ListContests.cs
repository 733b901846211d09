using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>
/// <c>GET /api/contests</c>: the contests a caller deals with, newest first: those still open that it may see (a
/// worker's board), its own (a business's), and those it entered, closed ones included (entries of a closed contest
/// stay visible to their authors).
/// </summary>
public static class ListContests
{
    public sealed record Query : IRequest<IReadOnlyList<ContestSummary>>;

    public const int Take = 100;

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string BusinessName { get; init; } = "";
        public string Title { get; init; } = "";
        public Jobs.JobCategory Category { get; init; }
        public long Prize { get; init; }
        public int MinimumEntries { get; init; }
        public DateTimeOffset EntriesCloseAt { get; init; }
        public DateTimeOffset ChooseBy { get; init; }
        public bool CopyrightTransfers { get; init; }
        public ContestStatus Status { get; init; }
        public int EntryCount { get; init; }
        public int MyEntryCount { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<ContestSummary>>
    {
        public async Task<IReadOnlyList<ContestSummary>> Handle(Query query, CancellationToken ct)
        {
            var rows = await db.QueryAsync<Row>(
                """
                SELECT j.id, u.display_name AS business_name, j.title, j.category, c.prize, c.minimum_entries, c.entries_close_at,
                       c.choose_by, c.copyright_transfers, c.status,
                       (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id) AS entry_count,
                       (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id AND e.worker_id = @Me) AS my_entry_count
                FROM contests c JOIN jobs j ON j.id = c.job_id JOIN users u ON u.id = j.business_id
                WHERE (c.status = 'open' AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me))
                   OR EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me AND a.relation IN ('business', 'producer'))
                   OR EXISTS (SELECT 1 FROM contest_entries e WHERE e.job_id = c.job_id AND e.worker_id = @Me)
                ORDER BY c.created_at DESC, j.id DESC
                LIMIT @Take
                """, new { Me = caller.Id, Take });
            var now = clock.GetUtcNow();
            return rows.Select(r => new ContestSummary
            {
                Id = r.Id, BusinessName = r.BusinessName, Title = r.Title, Category = r.Category, Prize = r.Prize, MinimumEntries = r.MinimumEntries,
                EntriesCloseAt = r.EntriesCloseAt, ChooseBy = r.ChooseBy, CopyrightTransfers = r.CopyrightTransfers, Status = r.Status,
                Phase = GetContest.PhaseOf(r.Status, r.EntriesCloseAt, r.ChooseBy, now), EntryCount = r.EntryCount, MyEntryCount = r.MyEntryCount,
            }).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder contests) =>
        contests.MapGet("/contests", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListContests").ProducesProblem(401);
}
