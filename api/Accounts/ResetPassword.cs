using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Accounts;

/// <summary>
/// <c>POST /api/auth/password-reset/confirm</c> {token, newPassword}: the link's token, once, within its 30 minutes,
/// sets a new password under the same rules as sign-up. Every session of the person ends and every API token of theirs
/// is revoked (OWASP ASVS 5.0 V7.4.3: whoever held one must sign in with the new password; <see cref="AccessEnded"/>),
/// the sign-in lock on the address is lifted, every other reset
/// link stops working, the address counts as confirmed (the link reached it), and a mail says the password changed
/// (V6.3.7). It signs nobody in, and two-step sign-in stays as it was: the person signs in with the new password and,
/// if enrolled, their code.
/// </summary>
public static class ResetPassword
{
    public sealed record Command : ICommand<Unit>
    {
        public string Token { get; init; } = "";
        public string NewPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).NotEmpty().PlainText().MaximumLength(OneTimeTokens.Length);
            RuleFor(c => c.NewPassword).PlainText().NewPassword();
        }
    }

    /// <summary>Unknown, used, expired or superseded: one answer for all, under the field.</summary>
    public static ValidationException InvalidLink() =>
        new([new ValidationFailure("token", "The link is wrong, used or expired: ask for a new one.") { ErrorCode = "invalidToken" }]);

    public sealed class Handler(DbSession db, IPasswordHasher<AccountRow> hasher, Sessions sessions, SignInThrottle throttle,
        AccountMailOutbox outbox, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            // Hashed before the first statement, so that the write lock the transaction takes is not held through it.
            var hash = hasher.HashPassword(new AccountRow(), Passwords.Normalize(command.NewPassword));
            var now = clock.GetUtcNow();
            var redeemed = await OneTimeTokens.RedeemAsync(db, command.Token, now, TokenPurpose.PasswordReset) ?? throw InvalidLink();
            var row = await db.QuerySingleAsync<AccountRow>("SELECT id, email, display_name FROM users WHERE id = @Id", new { Id = redeemed.UserId });
            // Thrown inside the transaction, so the link stays unused for a better password.
            if (Passwords.IsAccountWord(command.NewPassword, row.Email, row.DisplayName))
                throw new ValidationException([new ValidationFailure("newPassword", Passwords.AccountWordMessage) { ErrorCode = Passwords.AccountWordCode }]);
            await db.ExecuteAsync(
                """
                UPDATE users SET password_hash = @Hash, password_nfkc = TRUE, email_confirmed_at = COALESCE(email_confirmed_at, @Now)
                WHERE id = @Id
                """, new { Hash = hash, row.Id, Now = now });
            await OneTimeTokens.EndAllAsync(db, row.Id, now, TokenPurpose.PasswordReset);
            await sessions.EndAllAsync(row.Id, AccessEndedBy.PasswordReset);
            await throttle.ClearAsync(row.Email);
            await outbox.EnqueueAsync(db, AccountMailKind.PasswordChanged, row.Id, row.Email, null, now);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/password-reset/confirm", async (Command command, IMediator mediator) =>
            {
                await mediator.Send(command);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("ResetPassword")
            .ProducesValidationProblem().ProducesProblem(429);
}
