using MediatR;
using Marketplace.Accounts;
using Marketplace.Events;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/team-invitations/{id}/accept</c> and <c>…/decline</c>: the person signed in with the invited address
/// answers, once (a conditional UPDATE decides it). Accepting makes it a member with the invited role; the director
/// is told. Anyone else gets 404: an invitation names an address, and only its owner may learn of it.
/// </summary>
public static class AnswerTeamInvitation
{
    public sealed record Command(string Id, bool Accept) : ICommand<TeamInvitation>;

    private sealed class Open
    {
        public string TeamId { get; init; } = "";
        public string Role { get; init; } = "";
        public string Status { get; init; } = "";
        public string DirectorId { get; init; } = "";
        public string TeamName { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TeamInvitation>
    {
        public async Task<TeamInvitation> Handle(Command command, CancellationToken ct)
        {
            var invitation = await db.QuerySingleOrDefaultAsync<Open>(
                """
                SELECT i.team_id, i.role, i.status, t.director_id, t.name AS team_name
                FROM team_invitations i JOIN teams t ON t.id = i.team_id
                WHERE i.id = @Id AND i.email = (SELECT me.email FROM users me WHERE me.id = @Me)
                """, new { command.Id, Me = caller.Id })
                ?? throw new NotFoundException("No such invitation.");
            if (command.Accept)
            {
                if (caller.Role is not (Role.Worker or Role.Producer)) throw new ForbiddenException("Only a worker or a producer may join a team.");
                await EmailConfirmation.RequireAsync(db, caller.Id, "join a team");
            }
            var now = clock.GetUtcNow();
            var answered = await db.ExecuteAsync(
                "UPDATE team_invitations SET status = @Status, answered_at = @Now WHERE id = @Id AND status = 'pending'",
                new { command.Id, Status = command.Accept ? "accepted" : "declined", Now = now });
            if (answered == 0) throw new ConflictException("The invitation was already answered.", ConflictCode.InvitationAnswered);
            // Answered on the teams page, the invitation's notice has nothing left to ask: it no longer counts as unread.
            await db.ExecuteAsync(
                "UPDATE notifications SET read_at = @Now WHERE user_id = @Me AND event_key = @Key AND read_at IS NULL",
                new { Me = caller.Id, Key = $"team-invite:{command.Id}", Now = now });
            if (command.Accept)
            {
                // A member removed earlier comes back on its old row (its past tasks still name it).
                var back = await db.ExecuteAsync(
                    "UPDATE team_members SET role = @Role, removed_at = NULL, joined_at = @Now WHERE team_id = @TeamId AND user_id = @Me AND removed_at IS NOT NULL",
                    new { invitation.TeamId, invitation.Role, Me = caller.Id, Now = now });
                if (back == 0)
                    await db.ExecuteAsync(
                        """
                        INSERT INTO team_members (team_id, user_id, role, weekly_hours, joined_at)
                        SELECT @TeamId, @Me, @Role, 0, @Now
                        WHERE NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = @TeamId AND m.user_id = @Me)
                        """, new { invitation.TeamId, invitation.Role, Me = caller.Id, Now = now });
                EventFeed.Record(db, EventTypes.TeamMemberJoined, now, ("teamId", invitation.TeamId), ("workerId", caller.Id), ("accountId", invitation.DirectorId));
                await Notify.ToAsync(db, invitation.DirectorId, NotificationKind.TeamMemberJoined,
                    $"A new member joined the team \"{invitation.TeamName}\".", $"team-joined:{command.Id}", now, partyId: caller.Id);
            }
            return await db.QuerySingleAsync<TeamInvitation>(TeamInvitation.ByIdSql, new { command.Id });
        }
    }

    public static void Map(IEndpointRouteBuilder teams)
    {
        teams.MapPost("/team-invitations/{id}/accept", async (string id, IMediator mediator) => TypedResults.Ok(await mediator.Send(new Command(id, true))))
            .WithName("AcceptTeamInvitation").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        teams.MapPost("/team-invitations/{id}/decline", async (string id, IMediator mediator) => TypedResults.Ok(await mediator.Send(new Command(id, false))))
            .WithName("DeclineTeamInvitation").ProducesProblem(404).ProducesProblem(409);
    }
}
