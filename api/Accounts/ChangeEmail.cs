using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts;

/// <summary>
/// <c>POST /api/me/email</c> {newEmail, currentPassword}: a signed-in person asks to move their account to another
/// address, giving their password again (OWASP ASVS 5.0 V6.2.3 asks it for changes to the account's identity). Nothing
/// changes yet: a link goes to the new address, and opening it (<see cref="ConfirmEmail"/>) makes it the account's,
/// confirmed, and tells the old one. 202; 409 <c>emailTaken</c> when another account has the address.
/// </summary>
public static class ChangeEmail
{
    public sealed record Command : ICommand<Outcome>
    {
        public string NewEmail { get; init; } = "";
        public string CurrentPassword { get; init; } = "";
    }

    /// <summary>A wrong password is an answer, not an exception: the failure it counts toward the account's lock must commit.</summary>
    public enum Outcome { Mailed, WrongCurrentPassword }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewEmail).NotEmpty().PlainText().MaximumLength(254).MailboxAddress();
            RuleFor(c => c.CurrentPassword).NotEmpty().PlainText().MaximumLength(Passwords.MaxLength);
        }
    }

    public sealed class Handler(DbSession db, IPasswordHasher<AccountRow> hasher, Caller caller, SignInThrottle signIns, MailRequestThrottle mails,
        AccountMailOutbox outbox, TimeProvider clock, IOptions<AuthOptions> options) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken ct)
        {
            caller.RequireSignedInPerson("change the account's e-mail address");
            var row = await db.QuerySingleOrDefaultAsync<AccountRow>(
                "SELECT id, email, display_name, role, password_hash, password_nfkc FROM users WHERE id = @Id", new { caller.Id })
                ?? throw new NotFoundException("The signed-in account no longer exists.");
            // The same per-account lock as sign-in: a session left open must not become a way to guess the password.
            await signIns.EnsureNotLockedAsync(row.Email);
            var given = row.PasswordNfkc ? Passwords.Normalize(command.CurrentPassword) : command.CurrentPassword;
            if (hasher.VerifyHashedPassword(row, row.PasswordHash, given) == PasswordVerificationResult.Failed)
            {
                await signIns.RecordFailureAsync(row.Email);
                return Outcome.WrongCurrentPassword;
            }
            var email = Emails.Normalize(command.NewEmail);
            if (email == row.Email)
                throw new ValidationException([new ValidationFailure("newEmail", "This is the account's address already.") { ErrorCode = "sameEmail" }]);
            // A sign-up says so too (409 emailTaken): the answer tells a signed-in person nothing sign-up would not.
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email = @Email", new { Email = email }) > 0)
                throw new ConflictException("An account with this email already exists.", ConflictCode.EmailTaken);
            await mails.CountAsync($"confirm:{row.Id}", options.Value.ConfirmationMailsPerAccountPerHour, TimeSpan.FromHours(1));
            await EmailConfirmation.SendAsync(db, outbox, row.Id, email, TokenPurpose.EmailChange, clock.GetUtcNow());
            return Outcome.Mailed;
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/me/email", async (Command command, IMediator mediator) =>
            {
                // Thrown once the command has committed (and counted the failure): the same 400 as any invalid field.
                if (await mediator.Send(command) == Outcome.WrongCurrentPassword)
                    throw new ValidationException([new ValidationFailure("currentPassword", "The current password is wrong.") { ErrorCode = "wrongPassword" }]);
                return TypedResults.Accepted((string?)null);
            })
            .RequireAuthorization()
            .WithName("ChangeEmail")
            .Produces(202).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(429);
}
