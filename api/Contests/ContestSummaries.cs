using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>Contests as a list shows them (<see cref="ContestSummary"/>): what a worker needs to decide to enter, and the caller's own entries.</summary>
internal static class ContestSummaries
{
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
        public bool Funded { get; init; }
        public int EntryCount { get; init; }
        public int MyEntryCount { get; init; }
    }

    /// <summary>The contests of <paramref name="ids"/> as a list shows them, in the order given; the caller's own entries counted.</summary>
    public static async Task<IReadOnlyList<ContestSummary>> ReadAsync(DbSession db, string me, string[] ids, DateTimeOffset now)
    {
        if (ids.Length == 0) return [];
        var rows = (await db.QueryAsync<Row>(
            """
            SELECT j.id, u.display_name AS business_name, j.title, j.category, c.prize, c.minimum_entries, c.entries_close_at,
                   c.choose_by, c.copyright_transfers, c.status, CASE WHEN j.funded_at IS NULL THEN 0 ELSE 1 END AS funded,
                   (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id) AS entry_count,
                   (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id AND e.worker_id = @Me) AS my_entry_count
            FROM contests c JOIN jobs j ON j.id = c.job_id JOIN users u ON u.id = j.business_id
            WHERE c.job_id IN @Ids
            """, new { Me = me, Ids = ids })).ToDictionary(r => r.Id, StringComparer.Ordinal);
        // In the order the caller's lists gave.
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new ContestSummary
        {
            Id = r.Id, BusinessName = r.BusinessName, Title = r.Title, Category = r.Category, Prize = r.Prize, MinimumEntries = r.MinimumEntries,
            EntriesCloseAt = r.EntriesCloseAt, ChooseBy = r.ChooseBy, CopyrightTransfers = r.CopyrightTransfers, Status = r.Status,
            Phase = GetContest.PhaseOf(r.Status, r.Funded, r.EntriesCloseAt, r.ChooseBy, now), EntryCount = r.EntryCount, MyEntryCount = r.MyEntryCount,
        }).ToList();
    }

}
