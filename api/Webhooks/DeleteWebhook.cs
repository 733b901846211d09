using MediatR;
using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary><c>DELETE /api/webhooks/{id}</c>: the owner removes a subscription with its delivery log; another's is "not found".</summary>
public static class DeleteWebhook
{
    public sealed record Command(string Id) : ICommand<Unit>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, Unit>
    {
        private const string Own = "SELECT s.id FROM webhook_subscriptions s WHERE s.id = @Id AND s.account_id = @Me";

        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var args = new { command.Id, Me = caller.Id };
            await db.ExecuteAsync($"DELETE FROM webhook_deliveries WHERE subscription_id IN ({Own})", args);
            await db.ExecuteAsync($"DELETE FROM webhook_subscription_types WHERE subscription_id IN ({Own})", args);
            var deleted = await db.ExecuteAsync("DELETE FROM webhook_subscriptions WHERE id = @Id AND account_id = @Me", args);
            return deleted == 1 ? Unit.Value : throw new NotFoundException("No such webhook.");
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/webhooks/{id}", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new Command(id));
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhook").ProducesProblem(404);
}
