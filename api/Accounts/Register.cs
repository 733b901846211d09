using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Legal;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Accounts;

public static class Register
{
    public sealed record Command : ICommand<Account>
    {
        public string Email { get; init; } = "";
        public string Password { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Role? Role { get; init; }

        /// <summary>
        /// The language the person signed up in, which its mail is written in ("ja" or "en"); Japanese when not sent.
        /// Changed later with <c>PUT /api/me</c>.
        /// </summary>
        public Language? Language { get; init; }

        /// <summary>The version of the terms of use the person accepted: the one in force (<c>GET /api/legal</c>), else 400.</summary>
        public int? AcceptedTermsVersion { get; init; }

        /// <summary>The version of the privacy policy the person accepted: the one in force, else 400.</summary>
        public int? AcceptedPrivacyVersion { get; init; }

        /// <summary>
        /// Made by the operator (an administrator from the command line, the demo's accounts), not signed up: the
        /// operator vouches for the address, so it counts as confirmed, and its staff accept no terms unless named.
        /// </summary>
        [JsonIgnore] public bool MadeByOperator { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().PlainText().MaximumLength(254).MailboxAddress();
            // Length, no composition rules, and not among the most common passwords (Passwords.NewPassword); nor the
            // account's own email or name (OWASP ASVS 5.0 V6.2.11).
            RuleFor(c => c.Password).PlainText().NewPassword()
                .Must((c, password) => !Passwords.IsAccountWord(password, c.Email, c.DisplayName))
                .WithMessage(Passwords.AccountWordMessage).WithErrorCode(Passwords.AccountWordCode);
            RuleFor(c => c.DisplayName).NotBlank("Display name is required.").PlainText()
                .MaximumLength(100);
            RuleFor(c => c.Role).NotNull().WithMessage($"Role must be one of: business, worker, producer.")
                .Must(r => r is null or Platform.Role.Business or Platform.Role.Worker or Platform.Role.Producer)
                .WithMessage("An administrator account cannot be self-registered.");
            // Consent is asked at sign-up (issue 27): the versions the person read. Whether they are the ones in force is
            // the handler's to check, against the database.
            RuleFor(c => c.AcceptedTermsVersion).NotNull().When(c => !c.MadeByOperator)
                .WithMessage("Accept the terms of use: send the version you accepted (GET /api/legal names it).").WithErrorCode("termsNotAccepted");
            RuleFor(c => c.AcceptedPrivacyVersion).NotNull().When(c => !c.MadeByOperator)
                .WithMessage("Accept the privacy policy: send the version you accepted (GET /api/legal names it).").WithErrorCode("termsNotAccepted");
        }
    }

    public sealed class Handler(DbSession db, IPasswordHasher<AccountRow> hasher, TimeProvider clock, AccountMailOutbox outbox)
        : IRequestHandler<Command, Account>
    {
        public async Task<Account> Handle(Command command, CancellationToken ct)
        {
            var row = new AccountRow
            {
                Id = TimeOrderedId.New(),
                Email = Emails.Normalize(command.Email),
                DisplayName = command.DisplayName.Trim(),
                Role = command.Role!.Value,
            };
            // Hashed before the first statement, so that the transaction's write lock is not held through it.
            var hash = hasher.HashPassword(row, Passwords.Normalize(command.Password));
            var now = clock.GetUtcNow();
            var accepted = command.AcceptedTermsVersion is not null || command.AcceptedPrivacyVersion is not null || !command.MadeByOperator;
            if (accepted) await Consent.RequireInForceAsync(db, command.AcceptedTermsVersion, command.AcceptedPrivacyVersion);
            try
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO users (id, email, display_name, role, password_hash, password_nfkc, created_at, email_confirmed_at, language)
                    VALUES (@Id, @Email, @DisplayName, @Role, @Hash, TRUE, @Now, @ConfirmedAt, @Language)
                    """,
                    new { row.Id, row.Email, row.DisplayName, Role = WireName.Of(row.Role), Hash = hash, Now = now,
                          ConfirmedAt = command.MadeByOperator ? now : (DateTimeOffset?)null,
                          Language = WireName.Of(command.Language ?? Mail.Language.Ja) });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("An account with this email already exists.", ConflictCode.EmailTaken);
            }
            if (accepted) await Consent.RecordInForceAsync(db, row.Id, now);
            if (!command.MadeByOperator)
                await EmailConfirmation.SendAsync(db, outbox, row.Id, row.Email, TokenPurpose.EmailConfirmation, now);
            return await Account.ReadAsync(db, row.Id) ?? throw new InvalidOperationException("The new account was not found.");
        }

    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/register", async (Command command, IMediator mediator) =>
            {
                var account = await mediator.Send(command);
                return TypedResults.Created("/api/me", account);
            })
            .AllowAnonymous()
            .RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("Register")
            .ProducesValidationProblem().ProducesProblem(409).ProducesProblem(429);
}
