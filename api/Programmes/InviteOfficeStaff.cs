using System.Security.Cryptography;
using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Admin;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/admin/programmes/{id}/staff</c>: an administrator invites a person to a programme's office. The account
/// (role office) is made now, with no password anyone knows; the invitation's link, mailed to the person through the
/// account mail (<see cref="AccountMailKind.OfficeInvitation"/>), lets it set one and accept the terms of use and the
/// privacy policy (<see cref="AcceptOfficeInvitation"/>) within <see cref="OfficeInvitationLink.Lifetime"/>. The link
/// travels only in the mail, as a password reset's does (<see cref="OfficeInvitationLink"/>), so the administrator who
/// invites never holds a way into the account. Inviting again the address of a person of this programme's office who has
/// not accepted yet sends a new link, as <see cref="ResendOfficeInvitation"/> does; any other existing account's address
/// is refused (<see cref="ConflictCode.EmailBelongsToAccount"/>): an invitation makes a new office account, and the
/// address is someone's already.
/// </summary>
public static class InviteOfficeStaff
{
    public sealed record Command : ICommand<Invitation>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string ProgrammeId { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
    }

    /// <summary>The invited account, and until when the mailed link sets its password.</summary>
    public sealed record Invitation(string UserId, string Email, string ProgrammeId, DateTimeOffset ExpiresAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().PlainText().MaximumLength(254).MailboxAddress();
            RuleFor(c => c.DisplayName).NotBlank("Display name is required.").PlainText().MaximumLength(100);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IPasswordHasher<AccountRow> hasher, AccountMailOutbox outbox)
        : IRequestHandler<Command, Invitation>
    {
        public async Task<Invitation> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "invite a programme's office");
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM programmes p WHERE p.id = @Id", new { Id = command.ProgrammeId }) == 0)
                throw new NotFoundException("No such programme.");
            var now = clock.GetUtcNow();
            var row = new AccountRow { Id = TimeOrderedId.New(), Email = Emails.Normalize(command.Email), DisplayName = command.DisplayName.Trim(), Role = Role.Office };
            // A password nobody knows: the account cannot sign in until the invitation's link sets one.
            var unusable = hasher.HashPassword(row, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO users (id, email, display_name, role, password_hash, password_nfkc, created_at)
                SELECT @Id, @Email, @DisplayName, 'office', @Hash, TRUE, @Now WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.email = @Email)
                """, new { row.Id, row.Email, row.DisplayName, Hash = unusable, Now = now });
            var token = OfficeInvitationLink.NewToken();
            var expires = now + OfficeInvitationLink.Lifetime;
            if (inserted == 1)
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO programme_staff (user_id, programme_id, invited_at, token_hash, token_expires_at)
                    VALUES (@UserId, @ProgrammeId, @Now, @Hash, @Expires)
                    """, new { UserId = row.Id, command.ProgrammeId, Now = now, Hash = OfficeInvitationLink.HashOf(token), Expires = expires });
                await OfficeInvitationLink.MailAsync(db, outbox, row.Id, row.Email, token, now);
                await Audit.RecordAsync(db, caller, AuditAction.InviteOfficeStaff, row.Id, new { programmeId = command.ProgrammeId, email = row.Email }, now);
                return new Invitation(row.Id, row.Email, command.ProgrammeId, expires);
            }
            // The address is an account's already: this programme's invited person who has not set a password gets a new
            // link (the conditional UPDATE decides it, so one who accepts meanwhile is not handed another); anyone else's is refused.
            var existing = await db.ExecuteScalarAsync<string?>("SELECT u.id FROM users u WHERE u.email = @Email", new { row.Email });
            var pending = existing is not null && await db.ExecuteAsync(
                """
                UPDATE programme_staff SET token_hash = @Hash, token_expires_at = @Expires
                WHERE user_id = @UserId AND programme_id = @ProgrammeId AND joined_at IS NULL
                """, new { UserId = existing, command.ProgrammeId, Hash = OfficeInvitationLink.HashOf(token), Expires = expires }) == 1
                ? existing : null;
            if (pending is null)
                throw new ConflictException(
                    "This address belongs to an existing account. An invitation makes a new office account: invite another address.",
                    ConflictCode.EmailBelongsToAccount);
            await OfficeInvitationLink.MailAsync(db, outbox, pending, row.Email, token, now);
            await Audit.RecordAsync(db, caller, AuditAction.ResendOfficeInvitation, pending, new { programmeId = command.ProgrammeId, email = row.Email }, now);
            return new Invitation(pending, row.Email, command.ProgrammeId, expires);
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/admin/programmes/{id}/staff", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/programmes/{id}", await mediator.Send(command with { ProgrammeId = id })))
            .WithName("InviteOfficeStaff").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
