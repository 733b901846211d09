using FluentValidation;
using MediatR;
using Marketplace.Mail;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>
/// <c>POST /api/auth/confirm-email</c> {token}: the link mailed to an address, opened once within 24 hours. A sign-up's
/// link confirms the account's address; a change's link makes the new address the account's, confirmed, ends every
/// other link to an address, and tells the address it replaced, if that one was confirmed (OWASP ASVS 5.0 V6.3.7).
/// Nobody need be signed in: the link proves the mailbox. The page asks for a click before it sends the token, so a
/// mail scanner that opens links confirms nothing.
/// </summary>
public static class ConfirmEmail
{
    public sealed record Command : ICommand<Confirmed>
    {
        public string Token { get; init; } = "";
    }

    /// <summary>The account's address, now confirmed.</summary>
    public sealed record Confirmed(string Email);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().PlainText().MaximumLength(OneTimeTokens.Length);
    }

    private sealed class Before
    {
        public string Email { get; init; } = "";
        public DateTimeOffset? EmailConfirmedAt { get; init; }
    }

    public sealed class Handler(DbSession db, AccountMailOutbox outbox, TimeProvider clock) : IRequestHandler<Command, Confirmed>
    {
        public async Task<Confirmed> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var redeemed = await OneTimeTokens.RedeemAsync(db, command.Token, now, TokenPurpose.EmailConfirmation, TokenPurpose.EmailChange)
                ?? throw ResetPassword.InvalidLink();
            if (redeemed.Purpose == TokenPurpose.EmailConfirmation)
            {
                // The token was redeemed only while the address is still the account's (OneTimeTokens.RedeemAsync).
                await db.ExecuteAsync("UPDATE users SET email_confirmed_at = @Now WHERE id = @Id AND email_confirmed_at IS NULL",
                    new { Id = redeemed.UserId, Now = now });
                return new Confirmed(redeemed.Email);
            }
            var before = await db.QuerySingleAsync<Before>("SELECT email, email_confirmed_at FROM users WHERE id = @Id", new { Id = redeemed.UserId });
            // Someone signed up with the address since the change was asked for: the one statement decides, and the
            // unique index on users.email stands behind it.
            if (await db.ExecuteAsync(
                    """
                    UPDATE users SET email = @Email, email_confirmed_at = @Now
                    WHERE id = @Id AND NOT EXISTS (SELECT 1 FROM users o WHERE o.email = @Email AND o.id <> @Id)
                    """, new { redeemed.Email, Id = redeemed.UserId, Now = now }) == 0)
                throw new ConflictException("Another account has this address now.", ConflictCode.EmailTaken);
            // Links mailed to the old address (a reset, its confirmation) or to another new one stop working.
            await OneTimeTokens.EndAllAsync(db, redeemed.UserId, now, TokenPurpose.PasswordReset, TokenPurpose.EmailConfirmation, TokenPurpose.EmailChange);
            // An address never confirmed may be a typo, someone else's: it is not written to.
            if (before.EmailConfirmedAt is not null && before.Email != redeemed.Email)
                await outbox.EnqueueAsync(db, AccountMailKind.EmailChanged, redeemed.UserId, before.Email, null, now);
            return new Confirmed(redeemed.Email);
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/confirm-email", async (Command command, IMediator mediator) => TypedResults.Ok(await mediator.Send(command)))
            .AllowAnonymous()
            .RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("ConfirmEmail")
            .ProducesValidationProblem().ProducesProblem(409).ProducesProblem(429);
}
