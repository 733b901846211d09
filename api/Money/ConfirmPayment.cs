using MediatR;
using Marketplace.Admin;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>An administrator confirms that the bank transfer for a contract arrived; the audit trail records it.</summary>
public static class ConfirmPayment
{
    public sealed record Command(string PaymentId) : ICommand<Unit>;

    /// <summary>What the audit trail keeps of a confirmation: which contract's escrow it funded, and with how much.</summary>
    private sealed class Confirmed
    {
        public string ContractId { get; init; } = "";
        public long Amount { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "confirm payments");
            var now = clock.GetUtcNow();
            await Escrow.ConfirmPaymentAsync(db, command.PaymentId, caller.Id, now);
            var payment = await db.QuerySingleAsync<Confirmed>("SELECT contract_id, amount FROM payments WHERE id = @Id", new { Id = command.PaymentId });
            await Audit.RecordAsync(db, caller, AuditAction.ConfirmPayment, command.PaymentId, payment, now);
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
