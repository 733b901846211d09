using MediatR;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>
/// <c>GET /api/contests/{id}/entries/{entryId}</c>: one entry to whoever contest_entry_readers names (its author, the
/// contest's business and producers, administrators, and every entrant once a winner is chosen); anyone else gets 404,
/// as for an entry that does not exist.
/// </summary>
public static class GetEntry
{
    public sealed record Query(string ContestId, string EntryId) : IRequest<ContestEntry>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, ContestEntry>
    {
        public async Task<ContestEntry> Handle(Query query, CancellationToken ct) =>
            await ReadAsync(db, query.ContestId, query.EntryId, caller.Id) ?? throw new NotFoundException("No such entry.");
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string ContestId { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string WorkerName { get; init; } = "";
        public string Note { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public int? Rating { get; init; }
        public string? Comment { get; init; }
        public bool Winner { get; init; }
        public bool Judges { get; init; }
    }

    /// <summary>The entry as <paramref name="me"/> may read it, or null.</summary>
    internal static async Task<ContestEntry?> ReadAsync(DbSession db, string contestId, string entryId, string me)
    {
        var e = await db.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT e.id, e.job_id AS contest_id, e.worker_id, u.display_name AS worker_name, e.note, e.created_at, e.rating, e.comment,
                   CASE WHEN c.winner_entry_id = e.id THEN 1 ELSE 0 END AS winner,
                   CASE WHEN EXISTS (SELECT 1 FROM contest_entry_readers r WHERE r.entry_id = e.id AND r.user_id = @Me
                                     AND r.relation IN ('business', 'producer', 'administrator')) THEN 1 ELSE 0 END AS judges
            FROM contest_entries e JOIN users u ON u.id = e.worker_id JOIN contests c ON c.job_id = e.job_id
            WHERE e.id = @EntryId AND e.job_id = @ContestId
              AND EXISTS (SELECT 1 FROM contest_entry_readers r WHERE r.entry_id = e.id AND r.user_id = @Me)
            """, new { EntryId = entryId, ContestId = contestId, Me = me });
        if (e is null) return null;
        var files = await Attachments.OfAsync(db, AttachTo.Entry, [e.Id]);
        return new ContestEntry
        {
            Id = e.Id, ContestId = e.ContestId, WorkerId = e.WorkerId, WorkerName = e.WorkerName, Note = e.Note, CreatedAt = e.CreatedAt,
            Winner = e.Winner, Rating = e.Judges ? e.Rating : null, Comment = e.Judges ? e.Comment : null, Files = files[e.Id].ToList(),
        };
    }

    public static void Map(IEndpointRouteBuilder contests) =>
        contests.MapGet("/contests/{id}/entries/{entryId}", (string id, string entryId, IMediator mediator) => mediator.Send(new Query(id, entryId)))
            .WithName("GetEntry").ProducesProblem(404);
}
