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

        /// <summary>
        /// The six-digit code of the authenticator app, or one of the recovery codes, for an account with two-step
        /// sign-in; ignored for one without. Missing or wrong, it fails exactly as a wrong password does.
        /// </summary>
        public string? Code { get; init; }
    }

    /// <summary>The account that signed in and its new server-side session.</summary>
    public sealed record SignedIn(Account Account, string SessionId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().PlainText().MaximumLength(254);
            RuleFor(c => c.Password).NotEmpty().PlainText().MaximumLength(Passwords.MaxLength);
            RuleFor(c => c.Code).PlainText()
                .Must(TwoStep.IsCodeOrRecoveryCode).When(c => c.Code is not null)
                .WithMessage("The code is the six digits the authenticator app shows, or a recovery code.");
        }
    }

    public sealed class Handler(DbSession db, IPasswordHasher<AccountRow> hasher, SignInThrottle throttle, Sessions sessions, Caller caller,
        TwoStep twoStep)
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
                "SELECT id, email, display_name, role, password_hash, password_nfkc, suspended_at FROM users WHERE email = @Email", new { Email = email });
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
                await db.ExecuteAsync("UPDATE users SET password_hash = @Hash, password_nfkc = TRUE WHERE id = @Id",
                    new { Hash = hasher.HashPassword(row, Passwords.Normalize(command.Password)), row.Id });
            // With two-step sign-in, the code is the second factor (OWASP ASVS 5.0 V6.5; RFC 6238). A missing or wrong
            // code answers like a wrong password and counts toward the same per-account lock, which also throttles
            // guessing codes (ASVS V6.3.1); the password was right, but the answer does not say so.
            if (await twoStep.IsConfirmedAsync(row.Id) && !await twoStep.AcceptAsync(row.Id, command.Code))
            {
                await throttle.RecordFailureAsync(email);
                return null;
            }
            await throttle.ClearAsync(email);
            // Only someone who proved to be the person learns that the account is suspended, and that it is the office
            // to ask (issue 13); anyone else gets the wrong-password answer above.
            if (row.SuspendedAt is not null)
                throw new ProblemException(403, "Account suspended.",
                    "This account is suspended by the site's office: it cannot sign in. Contact the office that runs the site.", "accountSuspended");
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
            .Produces<Account>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
}
