using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Tokens;

/// <summary>
/// A person signed in with their password makes a personal token for an integration; its secret is shown once.
/// A token cannot make another token (403): a token made by a token would outlive the revocation of the first,
/// so a leaked token could keep itself alive. Optionally the token expires.
/// </summary>
public static class CreateToken
{
    public sealed record Command : ICommand<CreatedApiToken>
    {
        public string Name { get; init; } = "";

        /// <summary>
        /// What the token may do, at least one of read, jobs:write, bids:write, contracts:write, money:read, files:write,
        /// webhooks. Each route declares the scope it needs; a call outside them is a 403 naming the missing scope.
        /// </summary>
        public IReadOnlyList<string>? Scopes { get; init; }

        /// <summary>When the token stops working; none, and it works until revoked.</summary>
        public DateTimeOffset? ExpiresAt { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Name).NotBlank("Name is required.").PlainText().MaximumLength(100);
            RuleFor(c => c.Scopes).NotEmpty().WithMessage("Choose what the token may do: at least one scope.")
                .MaxItems(TokenScopes.AllNames.Count, "tooManyScopes", "Each scope at most once.");
            RuleForEach(c => c.Scopes).PlainText().Must(TokenScopes.IsName)
                .WithMessage($"A scope is one of: {string.Join(", ", TokenScopes.AllNames)}.").WithErrorCode("unknownScope");
            RuleFor(c => c.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow())
                .WithMessage("Expiry must be in the future.").WithErrorCode("expiryInPast");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, CreatedApiToken>
    {
        public async Task<CreatedApiToken> Handle(Command command, CancellationToken ct)
        {
            caller.RequireSignedInPerson("create an API token");
            await EmailConfirmation.RequireAsync(db, caller.Id, "make an API token");
            // Kept in the order the scopes are listed, each once, so that two tokens with the same rights read the same.
            var scopes = TokenScopes.AllNames.Where(command.Scopes!.Contains).ToArray();
            var token = new CreatedApiToken(TimeOrderedId.New(), command.Name.Trim(), TokenSecret.Generate(), command.ExpiresAt?.ToUniversalTime(), scopes);
            await db.ExecuteAsync(
                """
                INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at, scopes, all_scopes)
                VALUES (@Id, @UserId, @Name, @Hash, @Now, @ExpiresAt, @Scopes, @AllScopes)
                """,
                new
                {
                    token.Id, UserId = caller.Id, token.Name, Hash = TokenSecret.Hash(token.Token), Now = clock.GetUtcNow(), token.ExpiresAt,
                    Scopes = string.Join(" ", scopes), AllScopes = false,
                });
            return token;
        }
    }

    public static void Map(IEndpointRouteBuilder tokens) =>
        tokens.MapPost("/tokens", async (Command command, IMediator mediator) => TypedResults.Created("/api/tokens", await mediator.Send(command)))
            .WithName("CreateToken").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
}
