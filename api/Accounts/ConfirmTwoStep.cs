using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>
/// The person proves the app holds the secret by sending its current code; two-step sign-in is on from then on, and
/// ten recovery codes are answered, once (they are stored hashed and cannot be shown again).
/// </summary>
public static class ConfirmTwoStep
{
    public sealed record Command : ICommand<Confirmed>
    {
        public string Code { get; init; } = "";
    }

    public sealed record Confirmed(IReadOnlyList<string> RecoveryCodes);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Code).NotEmpty().PlainText()
                .Must(code => TwoStep.CodeFormat().IsMatch(code)).WithMessage("The code is the six digits the authenticator app shows.");
    }

    public sealed class Handler(DbSession db, Caller caller, TwoStep twoStep) : IRequestHandler<Command, Confirmed>
    {
        public async Task<Confirmed> Handle(Command command, CancellationToken ct)
        {
            caller.RequireSignedInPerson("set up two-step sign-in");
            // Per caller: only the signed-in person's own pending enrolment can be confirmed.
            var secret = await db.ExecuteScalarAsync<string?>(
                "SELECT secret FROM two_step WHERE user_id = @Id AND confirmed_at IS NULL", new { caller.Id });
            if (secret is null)
                throw await twoStep.IsConfirmedAsync(caller.Id)
                    ? new ConflictException("Two-step sign-in is already set up for this account.", ConflictCode.TwoStepEnabled)
                    : new NotFoundException("No two-step enrolment is pending; start one with POST /api/me/two-step.");
            if (!await twoStep.AcceptStepAsync(caller.Id, secret, command.Code, confirming: true))
                throw new ValidationException([new ValidationFailure("code", "The code is wrong or has expired; enter the code the app shows now.") { ErrorCode = "wrongCode" }]);
            return new Confirmed(await twoStep.NewRecoveryCodesAsync(caller.Id));
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/me/two-step/confirm", async (Command command, IMediator mediator) => TypedResults.Ok(await mediator.Send(command)))
            .RequireAuthorization()
            .WithName("ConfirmTwoStep")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
