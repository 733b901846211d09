using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Platform;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Accounts;

/// <summary>
/// A signed-in person changes their password, giving the current one (OWASP ASVS 5.0 V6.2.2, V6.2.3). Every other
/// session of theirs ends (V7.4.3): whoever else held one must sign in with the new password. This browser stays
/// signed in. Every API token is revoked too (<see cref="AccessEnded"/>): after a takeover, the attacker's token must
/// not outlive the owner's recovery; the tokens page says so, and the owner makes new ones for their integrations.
/// </summary>
public static class ChangePassword
{
    public sealed record Command : ICommand<Outcome>
    {
        public string CurrentPassword { get; init; } = "";
        public string NewPassword { get; init; } = "";
    }

    /// <summary>
    /// A wrong current password is an answer, not an exception: the failure it counts toward the account's lock must
    /// commit, and an exception would roll the command's transaction back.
    /// </summary>
    public enum Outcome { Changed, WrongCurrentPassword }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().PlainText().MaximumLength(Passwords.MaxLength);
            RuleFor(c => c.NewPassword).PlainText().NewPassword();
        }
    }

    public sealed class Handler(DbSession db, IPasswordHasher<AccountRow> hasher, Caller caller, SignInThrottle throttle, Sessions sessions)
        : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken ct)
        {
            caller.RequireSignedInPerson("change the password");
            // Hashed before the first statement, so that the write lock the transaction takes is not held through it.
            // Checking the current password must read its hash first and so holds the lock for one verification;
            // a password change is rare, unlike a sign-in.
            var newHash = hasher.HashPassword(new AccountRow(), Passwords.Normalize(command.NewPassword));
            var row = await db.QuerySingleOrDefaultAsync<AccountRow>(
                "SELECT id, email, display_name, role, password_hash, password_nfkc FROM users WHERE id = @Id", new { caller.Id })
                ?? throw new NotFoundException("The signed-in account no longer exists.");
            // The same per-account lock as sign-in: a session left open must not become a way to guess the password.
            await throttle.EnsureNotLockedAsync(row.Email);
            var given = row.PasswordNfkc ? Passwords.Normalize(command.CurrentPassword) : command.CurrentPassword;
            if (hasher.VerifyHashedPassword(row, row.PasswordHash, given) == PasswordVerificationResult.Failed)
            {
                await throttle.RecordFailureAsync(row.Email);
                return Outcome.WrongCurrentPassword;
            }
            if (Passwords.IsAccountWord(command.NewPassword, row.Email, row.DisplayName))
                throw new ValidationException([new ValidationFailure("newPassword", Passwords.AccountWordMessage) { ErrorCode = Passwords.AccountWordCode }]);

            await db.ExecuteAsync("UPDATE users SET password_hash = @Hash, password_nfkc = TRUE WHERE id = @Id", new { Hash = newHash, row.Id });
            await sessions.EndAllAsync(row.Id, AccessEndedBy.PasswordChange, keep: caller.SessionId);
            await throttle.ClearAsync(row.Email);
            return Outcome.Changed;
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/me/password", async (Command command, IMediator mediator) =>
            {
                // Thrown once the command has committed (and counted the failure): the same 400 as any invalid field.
                if (await mediator.Send(command) == Outcome.WrongCurrentPassword)
                    throw new ValidationException([new ValidationFailure("currentPassword", "The current password is wrong.") { ErrorCode = "wrongPassword" }]);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("ChangePassword")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
}
