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
/// privacy policy (<see cref="AcceptOfficeInvitation"/>) within <see cref="LinkLifetime"/>. The token is 32 random bytes,
/// kept only as its SHA-256 here and sealed in the outbox until the mail leaves: the link travels only in the mail, as a
/// password reset's does, so the administrator who invites never holds a way into the account.
/// </summary>
public static class InviteOfficeStaff
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

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
            if (inserted == 0) throw new ConflictException("An account with this email already exists.", ConflictCode.EmailTaken);
            var token = Base64Url(RandomNumberGenerator.GetBytes(32));
            var expires = now + LinkLifetime;
            await db.ExecuteAsync(
                """
                INSERT INTO programme_staff (user_id, programme_id, invited_at, token_hash, token_expires_at)
                VALUES (@UserId, @ProgrammeId, @Now, @Hash, @Expires)
                """, new { UserId = row.Id, command.ProgrammeId, Now = now, Hash = HashOf(token), Expires = expires });
            await outbox.EnqueueAsync(db, AccountMailKind.OfficeInvitation, row.Id, row.Email, token, now);
            await Audit.RecordAsync(db, caller, AuditAction.InviteOfficeStaff, row.Id, new { programmeId = command.ProgrammeId, email = row.Email }, now);
            return new Invitation(row.Id, row.Email, command.ProgrammeId, expires);
        }
    }

    internal static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/admin/programmes/{id}/staff", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/programmes/{id}", await mediator.Send(command with { ProgrammeId = id })))
            .WithName("InviteOfficeStaff").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
