using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Notifications;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/teams/{id}/invitations</c> {email, role}: the director invites a person by e-mail address as a leader or
/// a member. A person with an account at that address is told at once (a notification, and its mail through the
/// outbox); one who has none sees the invitation after registering with the address (<see cref="ListMyTeamInvitations"/>).
/// </summary>
public static class InviteMember
{
    public sealed record Command : ICommand<TeamInvitation>
    {
        [JsonIgnore] public string TeamId { get; init; } = "";
        public string Email { get; init; } = "";
        /// <summary>leader or member.</summary>
        public TeamRole Role { get; init; } = TeamRole.Member;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().PlainText().MaximumLength(254).MailboxAddress();
            RuleFor(c => c.Role).IsInEnum().Must(r => r != TeamRole.Director).WithMessage("Invite a leader or a member; the directorship is handed over.");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TeamInvitation>
    {
        public async Task<TeamInvitation> Handle(Command command, CancellationToken ct)
        {
            await Teams.RequireDirectorAsync(db, command.TeamId, caller.Id, "invite members");
            var email = Emails.Normalize(command.Email);
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            // Already in the team, or already invited: one conditional INSERT decides, so two racing invitations make one.
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO team_invitations (id, team_id, email, role, invited_by, status, created_at)
                SELECT @Id, @TeamId, @Email, @Role, @Me, 'pending', @Now
                WHERE NOT EXISTS (SELECT 1 FROM team_members m JOIN users u ON u.id = m.user_id
                                  WHERE m.team_id = @TeamId AND m.removed_at IS NULL AND u.email = @Email)
                  AND NOT EXISTS (SELECT 1 FROM team_invitations i WHERE i.team_id = @TeamId AND i.email = @Email AND i.status = 'pending')
                """, new { Id = id, command.TeamId, Email = email, Role = WireName.Of(command.Role), Me = caller.Id, Now = now });
            if (inserted == 0) throw new ConflictException("This person is already in the team or already invited.", ConflictCode.AlreadyInvited);
            var invitation = await db.QuerySingleAsync<TeamInvitation>(TeamInvitation.ByIdSql, new { Id = id });
            var invitee = await db.ExecuteScalarAsync<string?>("SELECT u.id FROM users u WHERE u.email = @Email", new { Email = email });
            if (invitee is not null)
                await Notify.ToAsync(db, invitee, NotificationKind.TeamInvited,
                    $"You are invited to join the team \"{invitation.TeamName}\".", $"team-invite:{id}", now, partyId: caller.Id);
            return invitation;
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/teams/{id}/invitations", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created("/api/me/team-invitations", await mediator.Send(command with { TeamId = id })))
            .WithName("InviteTeamMember").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
