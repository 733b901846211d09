using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/programmes/{id}</c>: a programme's name and municipalities, which every signed-in person may read (a
/// worker chooses one to join); a worker also reads its own latest membership.
/// </summary>
public static class GetProgramme
{
    public sealed record Query(string Id) : IRequest<Programme>;

    internal sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Prefecture { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Programme>
    {
        public async Task<Programme> Handle(Query query, CancellationToken ct)
        {
            _ = caller.Id;
            var row = await db.QuerySingleOrDefaultAsync<Row>("SELECT p.id, p.name, p.prefecture, p.created_at FROM programmes p WHERE p.id = @Id",
                new { query.Id }) ?? throw new NotFoundException("No such programme.");
            return await ReadAsync(db, caller, row);
        }
    }

    /// <summary>A worker's latest joining of the programme (a rejoining is a new row), on ix_programme_members_worker.</summary>
    internal const string MembershipSql = $"""
        SELECT {ProgrammeOffice.MemberColumns} FROM programme_members m JOIN users u ON u.id = m.worker_id
        WHERE m.worker_id = @Me AND m.programme_id = @Id ORDER BY m.id DESC LIMIT 1
        """;

    internal static async Task<Programme> ReadAsync(DbSession db, Caller caller, Row row)
    {
        var municipalities = (await db.QueryAsync<string>(
            "SELECT m.name FROM programme_municipalities m WHERE m.programme_id = @Id", new { row.Id })).Order(StringComparer.Ordinal).ToList();
        Member? membership = null;
        if (caller.Role == Role.Worker)
            membership = await db.QuerySingleOrDefaultAsync<Member>(MembershipSql, new { row.Id, Me = caller.Id });
        return new Programme
        {
            Id = row.Id, Name = row.Name, Prefecture = row.Prefecture, Municipalities = municipalities, CreatedAt = row.CreatedAt,
            Membership = membership,
        };
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/programmes/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetProgramme").ProducesProblem(404);
}
