using MediatR;
using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/{id}/enable</c>: the owner turns a disabled subscription (by three days of failures) on again.
/// What failed meanwhile is not resent by itself: replay it (ReplayWebhookEvents) once the receiver works.
/// </summary>
public static class EnableWebhook
{
    public sealed record Command(string Id) : ICommand<Webhook>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, Webhook>
    {
        public async Task<Webhook> Handle(Command command, CancellationToken ct)
        {
            var webhook = await WebhookQueries.OneAsync(db, caller.Id, command.Id);
            await db.ExecuteAsync(
                "UPDATE webhook_subscriptions SET status = 'active', disabled_at = NULL, disabled_reason = NULL WHERE id = @Id AND account_id = @Me",
                new { webhook.Id, Me = caller.Id });
            return await WebhookQueries.OneAsync(db, caller.Id, command.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/webhooks/{id}/enable", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("EnableWebhook").ProducesProblem(404);
}
