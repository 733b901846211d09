using Marketplace.Platform;

namespace Marketplace.Jobs;

/// <summary>
/// What the board and a job's page show of a job worked in another format than a project: its format, and for a task
/// job the price of one item and the items left in its pool (open, or taken and not submitted within the time allowed).
/// One query for a page of jobs, on the primary keys, since job_details (a view shared by every engine) knows projects only.
/// </summary>
public static class JobFormats
{
    private sealed class Row
    {
        public string Id { get; init; } = "";
        public JobFormat Format { get; init; }
        public long? PricePerItem { get; init; }
        public int? ItemsLeft { get; init; }
    }

    internal const string Sql = """
        SELECT j.id, j.format, t.price_per_item,
               CASE WHEN t.job_id IS NULL THEN NULL ELSE (SELECT COUNT(*) FROM task_items i WHERE i.job_id = j.id
                   AND (i.status = 'open' OR (i.status = 'taken' AND i.due_at <= @Now))) END AS items_left
        FROM jobs j LEFT JOIN task_jobs t ON t.job_id = j.id
        WHERE j.id IN @Ids AND j.format <> 'project'
        """;

    public static async Task<IReadOnlyList<Job>> WithFormatsAsync(DbSession db, IReadOnlyList<Job> jobs, DateTimeOffset now)
    {
        if (jobs.Count == 0) return jobs;
        var rows = (await db.QueryAsync<Row>(Sql, new { Ids = jobs.Select(j => j.Id).ToList(), Now = now })).ToDictionary(r => r.Id);
        return rows.Count == 0 ? jobs
            : jobs.Select(j => rows.TryGetValue(j.Id, out var r) ? j with { Format = r.Format, PricePerItem = r.PricePerItem, ItemsLeft = r.ItemsLeft } : j)
                .ToList();
    }
}
