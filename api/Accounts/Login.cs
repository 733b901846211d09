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
    /// through it. The one write, upgrading an old hash, is a single statement of its own.
    /// </summary>
    public sealed record Command : IRequest<Account?>
    {
        public string Email { get; init; } = "";
        public string Password { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().PlainText().MaximumLength(254);
            RuleFor(c => c.Password).NotEmpty().PlainText().MaximumLength(128);
        }
    }

    public sealed class Handler(DbSession db, IPasswordHasher<AccountRow> hasher) : IRequestHandler<Command, Account?>
    {
        // Hashing against a throw-away hash when the email is unknown keeps both failures equally slow,
        // so response time does not tell which emails have accounts.
        private static readonly AccountRow Nobody = new();
        private static string? _decoyHash;

        public async Task<Account?> Handle(Command command, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<AccountRow>(
                "SELECT id, email, display_name, role, password_hash FROM users WHERE email = @Email",
                new { Email = Emails.Normalize(command.Email) });
            if (row is null)
            {
                hasher.VerifyHashedPassword(Nobody, _decoyHash ??= hasher.HashPassword(Nobody, "decoy-password"), command.Password);
                return null;
            }
            var result = hasher.VerifyHashedPassword(row, row.PasswordHash, command.Password);
            if (result == PasswordVerificationResult.Failed) return null;
            if (result == PasswordVerificationResult.SuccessRehashNeeded)
                await db.ExecuteAsync("UPDATE users SET password_hash = @Hash WHERE id = @Id",
                    new { Hash = hasher.HashPassword(row, command.Password), row.Id });
            return row.ToAccount();
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/login", async Task<IResult> (Command command, IMediator mediator, HttpContext http) =>
            {
                var account = await mediator.Send(command);
                if (account is null)
                    return TypedResults.Problem(statusCode: 401, title: "Sign-in failed.", detail: "The email or password is wrong.");
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    Authentication.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
                return TypedResults.Ok(account);
            })
            .AllowAnonymous()
            .RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("Login")
            .Produces<Account>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);
}
