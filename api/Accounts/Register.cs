using FluentValidation;
using MediatR;
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
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().PlainText().MaximumLength(254).EmailAddress();
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
        }
    }

    public sealed class Handler(DbSession db, IPasswordHasher<AccountRow> hasher, TimeProvider clock) : IRequestHandler<Command, Account>
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
            var hash = hasher.HashPassword(row, Passwords.Normalize(command.Password));
            try
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO users (id, email, display_name, role, password_hash, password_nfkc, created_at)
                    VALUES (@Id, @Email, @DisplayName, @Role, @Hash, TRUE, @Now)
                    """,
                    new { row.Id, row.Email, row.DisplayName, Role = WireName.Of(row.Role), Hash = hash, Now = clock.GetUtcNow() });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("An account with this email already exists.", ConflictCode.EmailTaken);
            }
            return row.ToAccount();
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
