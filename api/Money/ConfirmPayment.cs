using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Platform;
using Microsoft.AspNetCore.Http.Features;

namespace Marketplace.Money;

/// <summary>
/// An administrator confirms that the bank transfer for a contract arrived, optionally with a note (the bank's reference,
/// a remark on a short or late transfer); the payment keeps the note and the audit trail records it with the amount.
/// </summary>
public static class ConfirmPayment
{
    /// <summary>The body may be left out entirely (no note), as every client did before notes existed.</summary>
    public sealed record Command : ICommand<Unit>
    {
        [JsonIgnore] public string PaymentId { get; init; } = "";
        /// <summary>What the administrator wants kept with the confirmation; optional.</summary>
        public string? Note { get; init; }
    }

    public const int MaxNoteLength = PaymentConfirmation.MaxNoteLength;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Note).PlainText().MaximumLength(MaxNoteLength);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "confirm payments");
            await PaymentConfirmation.ConfirmAsync(db, caller, command.PaymentId, command.Note, clock.GetUtcNow());
            return Unit.Value;
        }
    }

    /// <summary>
    /// The body is read here rather than bound: a bound body, even an optional one, makes routing pass over a POST that
    /// sends none (as every client did before notes existed; it would land on the /api fallback's 404), and such a request
    /// must keep confirming. An empty body counts as none (so UseJsonRequestBodies has already refused one that is not
    /// JSON); one that cannot be read is a 400 problem, as binding would make it.
    /// </summary>
    public static void Map(IEndpointRouteBuilder money) =>
        money.MapPost("/payments/{id}/confirm", async (string id, HttpRequest request, IMediator mediator) =>
            {
                var command = new Command();
                if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
                {
                    try
                    {
                        command = await request.ReadFromJsonAsync<Command>(request.HttpContext.RequestAborted) ?? command;
                    }
                    catch (JsonException e)
                    {
                        throw new BadHttpRequestException("The request body is not valid JSON for this endpoint.", StatusCodes.Status400BadRequest, e);
                    }
                }
                await mediator.Send(command with { PaymentId = id });
                return TypedResults.NoContent();
            })
            .WithMetadata(new OptionalJsonBody(typeof(Command)))
            .WithName("ConfirmPayment").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
