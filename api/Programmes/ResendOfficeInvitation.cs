using MediatR;
using Marketplace.Admin;
using Marketplace.Mail;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/admin/programmes/{id}/staff/{userId}/invitation</c>: an administrator sends the invitation again to a
/// person of the programme's office who has not accepted it (a lost or expired link). A new link is mailed to the
/// person's address and works for <see cref="OfficeInvitationLink.Lifetime"/>; every earlier link stops working, since
/// the new token's hash replaces the old one in the same conditional UPDATE that checks the person has not accepted.
/// Recorded in the audit trail as the invitation is. 404 for a person who is not of this programme's office; 409
/// <see cref="ConflictCode.InvitationAccepted"/> once the person set a password.
/// </summary>
public static class ResendOfficeInvitation
{
    public sealed record Command(string ProgrammeId, string UserId) : ICommand<InviteOfficeStaff.Invitation>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, AccountMailOutbox outbox)
        : IRequestHandler<Command, InviteOfficeStaff.Invitation>
    {
        public async Task<InviteOfficeStaff.Invitation> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "send an office invitation again");
            var now = clock.GetUtcNow();
            var token = OfficeInvitationLink.NewToken();
            var expires = now + OfficeInvitationLink.Lifetime;
            var replaced = await db.ExecuteAsync(
                """
                UPDATE programme_staff SET token_hash = @Hash, token_expires_at = @Expires
                WHERE user_id = @UserId AND programme_id = @ProgrammeId AND joined_at IS NULL
                """, new { command.UserId, command.ProgrammeId, Hash = OfficeInvitationLink.HashOf(token), Expires = expires });
            if (replaced == 0)
            {
                if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM programme_staff s WHERE s.user_id = @UserId AND s.programme_id = @ProgrammeId",
                        new { command.UserId, command.ProgrammeId }) == 0)
                    throw new NotFoundException("No such person in this programme's office.");
                throw new ConflictException("The person accepted the invitation already: it signs in with its own password.", ConflictCode.InvitationAccepted);
            }
            var email = await db.ExecuteScalarAsync<string>("SELECT u.email FROM users u WHERE u.id = @UserId", new { command.UserId }) ?? "";
            await OfficeInvitationLink.MailAsync(db, outbox, command.UserId, email, token, now);
            await Audit.RecordAsync(db, caller, AuditAction.ResendOfficeInvitation, command.UserId, new { programmeId = command.ProgrammeId, email }, now);
            return new InviteOfficeStaff.Invitation(command.UserId, email, command.ProgrammeId, expires);
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/admin/programmes/{id}/staff/{userId}/invitation", async (string id, string userId, IMediator mediator) =>
                TypedResults.Ok(await mediator.Send(new Command(id, userId))))
            .WithName("ResendOfficeInvitation").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
