using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.SavedSearches;

/// <summary>
/// Tells workers about new jobs that match their saved searches: one notification per saved search for all the jobs
/// found in a run, at most one an hour (alert_after), and each job once per saved search (the saved_search_hits key
/// decides, so a second run, or a run on another API instance, announces nothing twice). Sent by
/// <see cref="SavedSearchAlerts"/>. The notification is the in-app one; mail follows whatever mail notifications get.
/// </summary>
public static class AlertSavedSearches
{
    /// <summary>Saved searches looked at per run; the rest wait for the next run.</summary>
    public const int Batch = 500;
    /// <summary>New jobs read per saved search and run.</summary>
    public const int PerSearch = 50;
    /// <summary>
    /// How far before the last look a run looks again: a job's rowid comes from its id, drawn in its write transaction
    /// (JobSearchIndex.DrawJobIdAsync), so on one instance commits follow rowids; another instance's clock may lag a little.
    /// Looking again is free of repeats (the hits key); nothing before the search was saved is looked at.
    /// </summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromMinutes(2);

    /// <summary>The answer is how many notifications were written.</summary>
    public sealed record Command : ICommand<int>;

    private sealed class Due
    {
        public string Id { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Q { get; init; }
        public string? Category { get; init; }
        public string? Region { get; init; }
        public long? MinBudget { get; init; }
        public long? MaxBudget { get; init; }
        public long FromDocId { get; init; }
        public long SeenDocId { get; init; }
        public DateTimeOffset AlertAfter { get; init; }
    }

    private sealed class Found
    {
        public long DocId { get; init; }
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
    }

    /// <summary>Saved searches whose hour has passed, on ix_saved_searches_alert (alert_after, id).</summary>
    internal const string DueSql = """
        SELECT s.id, s.worker_id, s.name, s.q, s.category, s.region, s.min_budget, s.max_budget, s.from_doc_id, s.seen_doc_id, s.alert_after
        FROM saved_searches s WHERE s.alert_after <= @Now ORDER BY s.alert_after, s.id LIMIT @Batch
        """;

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var told = 0;
            foreach (var search in await db.QueryAsync<Due>(DueSql, new { Now = now, Batch }))
            {
                // Open jobs newer than the last look that match, as a signed-in worker's board would find them.
                var query = new JobQuery
                {
                    Text = search.Q, Category = search.Category, Region = search.Region, MinBudget = search.MinBudget, MaxBudget = search.MaxBudget,
                    SeesMembersOnly = true,
                };
                var lookBack = (long)LookBack.TotalMilliseconds << 12;
                var found = await JobSearch.NewerAsync<Found>(db, query, Math.Max(search.FromDocId, search.SeenDocId - lookBack), PerSearch);
                var fresh = new List<Found>();
                // A job told already is left alone, decided in the database: a racing run's insert makes this one insert
                // nothing (SQLite), or fails its transaction as a serialization failure, which runs it again (the servers).
                foreach (var job in found)
                    fresh.AddRange(await db.ExecuteAsync(
                        """
                        INSERT INTO saved_search_hits (saved_search_id, job_id, created_at)
                        SELECT @SearchId, @JobId, @Now
                        WHERE NOT EXISTS (SELECT 1 FROM saved_search_hits h WHERE h.saved_search_id = @SearchId AND h.job_id = @JobId)
                        """, new { SearchId = search.Id, JobId = job.Id, Now = now }) == 1 ? [job] : []);
                var seen = found.Count == 0 ? search.SeenDocId : Math.Max(search.SeenDocId, found.Max(f => f.DocId));
                if (fresh.Count == 0)
                {
                    await db.ExecuteAsync("UPDATE saved_searches SET seen_doc_id = @Seen WHERE id = @Id", new { Seen = seen, search.Id });
                    continue;
                }
                // The hour starts now; claimed on the value read, so a run that raced this one changes nothing.
                var claimed = await db.ExecuteAsync(
                    "UPDATE saved_searches SET seen_doc_id = @Seen, alert_after = @Next WHERE id = @Id AND alert_after = @Was",
                    new { Seen = seen, Next = now + SavedSearchRules.AlertEvery, search.Id, Was = search.AlertAfter });
                if (claimed == 0) continue;
                var newest = fresh.MaxBy(f => f.DocId)!;
                var message = fresh.Count == 1
                    ? $"A new job matches \"{search.Name}\": {newest.Title}"
                    : $"{fresh.Count} new jobs match \"{search.Name}\", among them: {newest.Title}";
                told += await Notify.ToAsync(db, search.WorkerId, NotificationKind.SavedSearchMatched, message,
                    $"saved-search:{search.Id}:{newest.Id}", now, newest.Id);
            }
            return told;
        }
    }
}
