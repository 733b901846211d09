using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/programmes/{id}/notices</c>: the programme's notices, newest first, for its office, administrators and
/// its registered members; to anyone else the programme's notices do not exist (404).
/// </summary>
public static class ListNotices
{
    public sealed record Query(string ProgrammeId) : IRequest<IReadOnlyList<Notice>>;

    private const string Columns = "n.id, n.programme_id, n.title, n.body, u.display_name AS posted_by_name, n.posted_at";

    /// <summary>The programme's latest notices, newest first, on ix_programme_notices_programme.</summary>
    internal const string LatestSql = $"""
        SELECT {Columns} FROM programme_notices n JOIN users u ON u.id = n.posted_by
        WHERE n.programme_id = @ProgrammeId ORDER BY n.id DESC LIMIT 100
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Notice>>
    {
        public async Task<IReadOnlyList<Notice>> Handle(Query query, CancellationToken ct)
        {
            if (caller.Role == Role.Worker)
            {
                if (await db.ExecuteScalarAsync<long>(
                        "SELECT COUNT(*) FROM programme_members m WHERE m.programme_id = @ProgrammeId AND m.worker_id = @Me AND m.status = 'approved'",
                        new { query.ProgrammeId, Me = caller.Id }) == 0)
                    throw new NotFoundException("No such programme's notices.");
            }
            else await ProgrammeOffice.RequireAsync(db, caller, query.ProgrammeId, "read the notices");
            return await db.QueryAsync<Notice>(LatestSql, new { query.ProgrammeId });
        }
    }

    internal static Task<Notice> OneAsync(DbSession db, string id) =>
        db.QuerySingleAsync<Notice>($"SELECT {Columns} FROM programme_notices n JOIN users u ON u.id = n.posted_by WHERE n.id = @Id", new { Id = id });

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/programmes/{id}/notices", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListNotices").ProducesProblem(403).ProducesProblem(404);
}
