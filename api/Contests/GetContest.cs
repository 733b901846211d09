using MediatR;
using Marketplace.Files;
using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>
/// <c>GET /api/contests/{id}</c>: a contest to whoever may see its job (job_viewers), with the entries the caller may
/// read (contest_entry_readers: its own; all to the business, its producers and administrators; all once a winner is
/// chosen). The business's ratings and comments go only to the business, its producers and administrators.
/// </summary>
public static class GetContest
{
    public sealed record Query(string Id) : IRequest<Contest>;

    internal sealed class Row
    {
        public string Id { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public string BusinessName { get; init; } = "";
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public JobCategory Category { get; init; }
        public long Prize { get; init; }
        public int MinimumEntries { get; init; }
        public DateTimeOffset EntriesCloseAt { get; init; }
        public DateTimeOffset ChooseBy { get; init; }
        public bool CopyrightTransfers { get; init; }
        public ContestStatus Status { get; init; }
        public int EntryCount { get; init; }
        public string? WinnerEntryId { get; init; }
        public string? ContractId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public int MyEntryCount { get; init; }
        /// <summary>The caller is the business, one of its producers or an administrator: it reads ratings.</summary>
        public bool Judges { get; init; }
        /// <summary>The contest is awarded and the caller entered it: it reads every entry.</summary>
        public bool ReadsAll { get; init; }
    }

    internal const string ContestSql = """
        SELECT j.id, j.business_id, u.display_name AS business_name, j.title, j.description, j.category, c.prize, c.minimum_entries,
               c.entries_close_at, c.choose_by, c.copyright_transfers, c.status, c.winner_entry_id, c.created_at,
               (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id) AS entry_count,
               (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id AND e.worker_id = @Me) AS my_entry_count,
               (SELECT k.id FROM contracts k WHERE k.job_id = c.job_id AND k.award_lapsed_at IS NULL
                  AND (k.business_id = @Me OR k.worker_id = @Me)) AS contract_id,
               CASE WHEN EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me AND a.relation IN ('business', 'producer'))
                      OR EXISTS (SELECT 1 FROM users m WHERE m.id = @Me AND m.role = 'administrator') THEN 1 ELSE 0 END AS judges,
               CASE WHEN c.status = 'awarded' AND EXISTS (SELECT 1 FROM contest_entries x WHERE x.job_id = c.job_id AND x.worker_id = @Me)
                    THEN 1 ELSE 0 END AS reads_all
        FROM contests c JOIN jobs j ON j.id = c.job_id JOIN users u ON u.id = j.business_id
        WHERE c.job_id = @Id
          AND (EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
               OR EXISTS (SELECT 1 FROM contest_entries e WHERE e.job_id = c.job_id AND e.worker_id = @Me)
               OR EXISTS (SELECT 1 FROM users m WHERE m.id = @Me AND m.role = 'administrator'))
        """;

    internal sealed class EntryRow
    {
        public string Id { get; init; } = "";
        public string ContestId { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string WorkerName { get; init; } = "";
        public string Note { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public int? Rating { get; init; }
        public string? Comment { get; init; }
    }

    // Which entries the caller reads is contest_entry_readers' rule (0036), decided once for the contest here: the business,
    // its producers and administrators read all (Judges); so does every entrant once a winner is chosen (ReadsAll, the
    // view's 'entrant' branch: asking the view itself scans every entry for its administrators' branch); others their own.
    // Two listings, each read in order from an index. ContestTests holds the two to the same answers.
    internal const string AllEntriesSql = """
        SELECT e.id, e.job_id AS contest_id, e.worker_id, u.display_name AS worker_name, e.note, e.created_at, e.rating, e.comment
        FROM contest_entries e JOIN users u ON u.id = e.worker_id
        WHERE e.job_id = @Id
        ORDER BY e.job_id, e.id
        """;

    internal const string OwnEntriesSql = """
        SELECT e.id, e.job_id AS contest_id, e.worker_id, u.display_name AS worker_name, e.note, e.created_at, e.rating, e.comment
        FROM contest_entries e JOIN users u ON u.id = e.worker_id
        WHERE e.worker_id = @Me AND e.job_id = @Id
        ORDER BY e.worker_id, e.id
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, Contest>
    {
        public async Task<Contest> Handle(Query query, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<Row>(ContestSql, new { query.Id, Me = caller.Id })
                ?? throw new NotFoundException("No such contest.");
            var entries = await db.QueryAsync<EntryRow>(row.ReadsAll || row.Judges ? AllEntriesSql : OwnEntriesSql, new { query.Id, Me = caller.Id });
            return await ShapeAsync(db, row, entries, clock.GetUtcNow());
        }
    }

    /// <summary>
    /// The phase of a contest: closed as its status says; while open and its prize not yet in escrow, awaiting it (a
    /// user trial read 応募受付中 on a contest that could take no entry); then by the clock.
    /// </summary>
    internal static ContestPhase PhaseOf(ContestStatus status, bool funded, DateTimeOffset entriesCloseAt, DateTimeOffset chooseBy, DateTimeOffset now) => status switch
    {
        ContestStatus.Awarded => ContestPhase.Awarded,
        ContestStatus.Refunded => ContestPhase.Refunded,
        _ when !funded => ContestPhase.AwaitingPrize,
        _ when now < entriesCloseAt => ContestPhase.Entering,
        _ when now < chooseBy => ContestPhase.Choosing,
        _ => ContestPhase.Administrator,
    };

    internal static async Task<Contest> ShapeAsync(DbSession db, Row row, IReadOnlyList<EntryRow> entries, DateTimeOffset now)
    {
        var files = await Attachments.OfAsync(db, AttachTo.Entry, entries.Select(e => e.Id).ToArray());
        var reference = (await Attachments.OfAsync(db, AttachTo.Job, [row.Id]))[row.Id].ToList();
        var funded = await ContestPrize.FundedAsync(db, row.Id);
        return new Contest
        {
            Id = row.Id, BusinessId = row.BusinessId, BusinessName = row.BusinessName, Title = row.Title, Description = row.Description,
            Category = row.Category, Prize = row.Prize, MinimumEntries = row.MinimumEntries, EntriesCloseAt = row.EntriesCloseAt,
            ChooseBy = row.ChooseBy, CopyrightTransfers = row.CopyrightTransfers, Status = row.Status,
            Phase = PhaseOf(row.Status, funded, row.EntriesCloseAt, row.ChooseBy, now),
            Funded = funded,
            EntryCount = row.EntryCount, WinnerEntryId = row.WinnerEntryId, ContractId = row.ContractId, CreatedAt = row.CreatedAt,
            ReferenceFiles = reference,
            Entries = entries.Select(e => new ContestEntry
            {
                Id = e.Id, ContestId = e.ContestId, WorkerId = e.WorkerId, WorkerName = e.WorkerName, Note = e.Note, CreatedAt = e.CreatedAt,
                Winner = e.Id == row.WinnerEntryId,
                Rating = row.Judges ? e.Rating : null, Comment = row.Judges ? e.Comment : null,
                Files = files[e.Id].ToList(),
            }).ToList(),
        };
    }

    public static void Map(IEndpointRouteBuilder contests) =>
        contests.MapGet("/contests/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetContest").ProducesProblem(401).ProducesProblem(404);
}
