using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>An administrator confirms that the bank transfer for a contract arrived.</summary>
public static class ConfirmPayment
{
    public sealed record Command(string PaymentId) : ICommand<Unit>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Administrator, "confirm payments");
            await Escrow.ConfirmPaymentAsync(db, command.PaymentId, caller.Id, clock.GetUtcNow());
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapPost("/payments/{id}/confirm", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new Command(id));
                return TypedResults.NoContent();
            })
            .WithName("ConfirmPayment").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
