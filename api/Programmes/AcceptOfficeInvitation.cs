using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Legal;
using Marketplace.Platform;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/office-invitations/accept</c> {token, password, acceptedTermsVersion, acceptedPrivacyVersion}: the
/// invited person sets the office account's password with the mailed link's token, once and before it expires (one
/// conditional UPDATE decides it), and consents to the terms of use and the privacy policy in force, as sign-up asks
/// (<see cref="Consent"/>). Opening the mailed link also confirms the account's address. Signing in then asks for
/// two-step enrolment before any office action.
/// </summary>
public static class AcceptOfficeInvitation
{
    public sealed record Command : ICommand<Account>
    {
        public string Token { get; init; } = "";
        public string Password { get; init; } = "";

        /// <summary>The version of the terms of use the person accepted: the one in force (<c>GET /api/legal</c>), else 400.</summary>
        public int? AcceptedTermsVersion { get; init; }

        /// <summary>The version of the privacy policy the person accepted: the one in force, else 400.</summary>
        public int? AcceptedPrivacyVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).NotEmpty().PlainText().MaximumLength(100);
            RuleFor(c => c.Password).PlainText().NewPassword();
            RuleFor(c => c.AcceptedTermsVersion).NotNull()
                .WithMessage("Accept the terms of use: send the version you accepted (GET /api/legal names it).").WithErrorCode("termsNotAccepted");
            RuleFor(c => c.AcceptedPrivacyVersion).NotNull()
                .WithMessage("Accept the privacy policy: send the version you accepted (GET /api/legal names it).").WithErrorCode("termsNotAccepted");
        }
    }

    public sealed class Handler(DbSession db, TimeProvider clock, IPasswordHasher<AccountRow> hasher) : IRequestHandler<Command, Account>
    {
        public async Task<Account> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            await Consent.RequireInForceAsync(db, command.AcceptedTermsVersion, command.AcceptedPrivacyVersion);
            var hash = OfficeInvitationLink.HashOf(command.Token);
            var userId = await db.ExecuteScalarAsync<string?>(
                "SELECT s.user_id FROM programme_staff s WHERE s.token_hash = @Hash AND s.token_expires_at > @Now", new { Hash = hash, Now = now });
            var redeemed = userId is null ? 0 : await db.ExecuteAsync(
                """
                UPDATE programme_staff SET token_hash = NULL, token_expires_at = NULL, joined_at = @Now
                WHERE user_id = @UserId AND token_hash = @Hash AND token_expires_at > @Now
                """, new { UserId = userId, Hash = hash, Now = now });
            if (redeemed == 0) throw new ProblemException(400, "The link is not valid.", "The invitation's link is used, expired or wrong; ask an administrator for a new one.", "invitationInvalid");
            var row = await db.QuerySingleAsync<AccountRow>("SELECT id, email, display_name, role FROM users WHERE id = @Id", new { Id = userId });
            if (Passwords.IsAccountWord(command.Password, row.Email, row.DisplayName))
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("password", Passwords.AccountWordMessage) { ErrorCode = Passwords.AccountWordCode }]);
            // The link was mailed to this address and opened: that proves the address, as a confirmation link does, so
            // the office worker is not told at her first sign-in that it is unconfirmed.
            await db.ExecuteAsync(
                """
                UPDATE users SET password_hash = @Hash, password_nfkc = TRUE,
                    email_confirmed_at = CASE WHEN email_confirmed_at IS NULL THEN @Now ELSE email_confirmed_at END
                WHERE id = @Id
                """, new { Hash = hasher.HashPassword(row, Passwords.Normalize(command.Password)), row.Id, Now = now });
            await Consent.RecordInForceAsync(db, row.Id, now);
            return await Account.ReadAsync(db, row.Id) ?? throw new InvalidOperationException("The invited account was not found.");
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/office-invitations/accept", async (Command command, IMediator mediator) => TypedResults.Ok(await mediator.Send(command)))
            .AllowAnonymous().RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("AcceptOfficeInvitation").ProducesValidationProblem().ProducesProblem(429);
}
