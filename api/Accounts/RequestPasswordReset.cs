using FluentValidation;
using MediatR;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts;

/// <summary>
/// <c>POST /api/auth/password-reset</c> {email}: mails a link to choose a new password (valid 30 minutes, once) when an
/// account has the address. The answer is 202 whether or not one does, byte for byte, and the request does the same
/// work but for the three short writes of a known address's link (no password is hashed on either path), so neither
/// the answer nor its time tells who has an account (OWASP ASVS 5.0 V6.3.8; OWASP Forgot Password Cheat Sheet).
/// Throttled in the database per address typed and per client IP address.
/// </summary>
public static class RequestPasswordReset
{
    public sealed record Command : ICommand<Unit>
    {
        public string Email { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).NotEmpty().PlainText().MaximumLength(254).MailboxAddress();
    }

    private sealed class Person
    {
        public string Id { get; init; } = "";
        public DateTimeOffset? SuspendedAt { get; init; }
    }

    public sealed class Handler(DbSession db, MailRequestThrottle throttle, AccountMailOutbox outbox, Caller caller, TimeProvider clock,
        IOptions<AuthOptions> options) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var email = Emails.Normalize(command.Email);
            var o = options.Value;
            // Per address typed, whether or not an account has it (so a refusal reads the same for both), against a mailbox
            // flooded with links; per client address, against one client asking for many addresses.
            await throttle.CountAsync($"reset:{email}", o.ResetMailsPerAddressPerHour, TimeSpan.FromHours(1));
            if (caller.Address is { } from) await throttle.CountAsync($"reset-from:{from}", o.ResetRequestsPerClientPerHour, TimeSpan.FromHours(1));
            var now = clock.GetUtcNow();
            var person = await db.QuerySingleOrDefaultAsync<Person>("SELECT id, suspended_at FROM users WHERE email = @Email", new { Email = email });
            // A suspended account gets no way back in by mail: the office reinstates it first (issue 13). Said to nobody.
            if (person is null || person.SuspendedAt is not null) return Unit.Value;
            var token = await OneTimeTokens.IssueAsync(db, person.Id, TokenPurpose.PasswordReset, email, now);
            await outbox.EnqueueAsync(db, AccountMailKind.PasswordReset, person.Id, email, token, now);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/password-reset", async (Command command, IMediator mediator) =>
            {
                await mediator.Send(command);
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous()
            .RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("RequestPasswordReset")
            .Produces(202).ProducesValidationProblem().ProducesProblem(429);
}
