using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary><c>GET /api/me/team-invitations</c>: the open invitations to the caller's e-mail address.</summary>
public static class ListMyTeamInvitations
{
    public sealed record Query : IRequest<IReadOnlyList<TeamInvitation>>;

    /// <summary>On ix_team_invitations_email (email, status, id).</summary>
    internal const string Sql = """
        SELECT i.id, i.team_id, t.name AS team_name, i.email, i.role, u.display_name AS invited_by_name, i.status, i.created_at, i.answered_at
        FROM team_invitations i JOIN teams t ON t.id = i.team_id JOIN users u ON u.id = i.invited_by
        WHERE i.email = (SELECT me.email FROM users me WHERE me.id = @Me) AND i.status = 'pending'
        ORDER BY i.id
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<TeamInvitation>>
    {
        public async Task<IReadOnlyList<TeamInvitation>> Handle(Query query, CancellationToken ct) =>
            await db.QueryAsync<TeamInvitation>(Sql, new { Me = caller.Id });
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/me/team-invitations", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListMyTeamInvitations");
}
