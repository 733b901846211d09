using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Tokens;

/// <summary>A signed-in person makes a personal token for an integration; its secret is shown once.</summary>
public static class CreateToken
{
    public sealed record Command : ICommand<CreatedApiToken>
    {
        public string Name { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).NotBlank("Name is required.").PlainText().MaximumLength(100);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, CreatedApiToken>
    {
        public async Task<CreatedApiToken> Handle(Command command, CancellationToken ct)
        {
            var token = new CreatedApiToken(Wire.NewId(), command.Name.Trim(), TokenSecret.Generate());
            await db.ExecuteAsync(
                "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (@Id, @UserId, @Name, @Hash, @Now)",
                new { token.Id, UserId = caller.Id, token.Name, Hash = TokenSecret.Hash(token.Token), Now = clock.GetUtcNow() });
            return token;
        }
    }

    public static void Map(IEndpointRouteBuilder tokens) =>
        tokens.MapPost("/tokens", async (Command command, IMediator mediator) => TypedResults.Created("/api/tokens", await mediator.Send(command)))
            .WithName("CreateToken").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
}
