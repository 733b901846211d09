using MediatR;
using Marketplace.Platform;

namespace Marketplace.Notifications;

public static class MarkNotificationRead
{
    public sealed record Command(string Id) : ICommand<Unit>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var found = await db.ExecuteAsync(
                "UPDATE notifications SET read_at = COALESCE(read_at, @Now) WHERE id = @Id AND user_id = @Me",
                new { command.Id, Me = caller.Id, Now = clock.GetUtcNow() });
            return found == 1 ? Unit.Value : throw new NotFoundException("No such notification.");
        }
    }

    public static void Map(IEndpointRouteBuilder notifications) =>
        notifications.MapPost("/notifications/{id}/read", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new Command(id));
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead").ProducesProblem(404);
}
