using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary><c>GET /api/me/teams</c>: the teams the caller is in (a person can be in several), with its role in each.</summary>
public static class ListMyTeams
{
    public sealed record Query : IRequest<IReadOnlyList<MyTeam>>;

    public sealed record MyTeam
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required TeamRole Role { get; init; }
        public required int WeeklyHours { get; init; }
        public required DateTimeOffset JoinedAt { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<MyTeam>>
    {
        public async Task<IReadOnlyList<MyTeam>> Handle(Query query, CancellationToken ct) =>
            (await db.QueryAsync<MyTeam>(
                """
                SELECT t.id, t.name, m.role, m.weekly_hours, m.joined_at
                FROM team_members m JOIN teams t ON t.id = m.team_id
                WHERE m.user_id = @Me AND m.removed_at IS NULL
                """, new { Me = caller.Id })).OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/me/teams", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListMyTeams");
}
