using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary><c>PUT /api/me</c> {language}: the person's language, which mail is written in ("ja" or "en"; ja by default).</summary>
public static class UpdateMe
{
    public sealed record Command : ICommand<Account>
    {
        public Mail.Language? Language { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Language).NotNull().WithMessage($"Language must be one of: {WireName.AllOf<Mail.Language>()}.");
    }

    public sealed class Handler(DbSession db, Caller caller, IMediator mediator) : IRequestHandler<Command, Account>
    {
        public async Task<Account> Handle(Command command, CancellationToken ct)
        {
            await db.ExecuteAsync("UPDATE users SET language = @Language WHERE id = @Me", new { Language = WireName.Of(command.Language!.Value), Me = caller.Id });
            return await mediator.Send(new GetMe.Query(), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPut("/me", (Command command, IMediator mediator) => mediator.Send(command))
            .RequireAuthorization().WithName("UpdateMe").ProducesValidationProblem().ProducesProblem(401);
}
