using FluentValidation;
using MediatR;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Accounts;

public static class Login
{
    /// <summary>
    /// Not a command: verifying a password takes a deliberate ~100 ms, and a transaction would hold the write lock
    /// through it. Its writes are single statements that stand on their own: counting a failure, upgrading an old
    /// hash, clearing the failures and starting the session.
    /// </summary>
    public sealed record Command : IRequest<SignedIn?>
    {
        public string Email { get; init; } = "";
        public string Password { get; init; } = "";
    }

    /// <summary>The account that signed in and its new server-side session.</summary>
    public sealed record SignedIn(Account Account, string SessionId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().PlainText().MaximumLength(254);
            RuleFor(c => c.Password).NotEmpty().PlainText().MaximumLength(Passwords.MaxLength);
        }
    }

    public sealed class Handler(DbSession db, IPasswordHasher<AccountRow> hasher, SignInThrottle throttle, Sessions sessions, Caller caller)
        : IRequestHandler<Command, SignedIn?>
    {
        // Hashing against a throw-away hash when the email is unknown keeps both failures equally slow,
        // so response time does not tell which emails have accounts.
        private static readonly AccountRow Nobody = new();
        private static string? _decoyHash;

        public async Task<SignedIn?> Handle(Command command, CancellationToken ct)
        {
            var email = Emails.Normalize(command.Email);
            await throttle.EnsureNotLockedAsync(email);
            var row = await db.QuerySingleOrDefaultAsync<AccountRow>(
                "SELECT id, email, display_name, role, password_hash, password_nfkc FROM users WHERE email = @Email", new { Email = email });
            if (row is null)
            {
                hasher.VerifyHashedPassword(Nobody, _decoyHash ??= hasher.HashPassword(Nobody, "decoy-password"), Passwords.Normalize(command.Password));
                await throttle.RecordFailureAsync(email);
                return null;
            }
            // A hash from before NFKC was made from the password exactly as typed: it is checked that way once more,
            // and made again from the NFKC form now that the password is known.
            var result = hasher.VerifyHashedPassword(row, row.PasswordHash, row.PasswordNfkc ? Passwords.Normalize(command.Password) : command.Password);
            if (result == PasswordVerificationResult.Failed)
            {
                await throttle.RecordFailureAsync(email);
                return null;
            }
            if (result == PasswordVerificationResult.SuccessRehashNeeded || !row.PasswordNfkc)
                await db.ExecuteAsync("UPDATE users SET password_hash = @Hash, password_nfkc = 1 WHERE id = @Id",
                    new { Hash = hasher.HashPassword(row, Passwords.Normalize(command.Password)), row.Id });
            await throttle.ClearAsync(email);
            // A sign-in always starts a new session, and the one this browser held before ends (OWASP ASVS 5.0 V7.2.4).
            if (caller.SessionId is { } previous) await sessions.EndAsync(previous);
            return new SignedIn(row.ToAccount(), await sessions.StartAsync(row.Id));
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/login", async Task<IResult> (Command command, IMediator mediator, HttpContext http) =>
            {
                var signedIn = await mediator.Send(command);
                if (signedIn is null)
                    return TypedResults.Problem(statusCode: 401, title: "Sign-in failed.", detail: "The email or password is wrong.");
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    Authentication.Principal(signedIn.Account, CookieAuthenticationDefaults.AuthenticationScheme, signedIn.SessionId));
                return TypedResults.Ok(signedIn.Account);
            })
            .AllowAnonymous()
            .RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("Login")
            .Produces<Account>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);
}
