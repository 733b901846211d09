using MediatR;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>POST /api/task-items/{id}/return</c>: the worker who holds an item gives it back before its minutes run out (a
/// carer called away, an item it cannot do), so that it goes back to the pool at once instead of staying blocked for
/// the rest of the hour, and the worker may take another. Only the holder, and only while it holds it: the conditional
/// UPDATE decides against a submission or the time running out at the same moment (409 taskItemNotHeld).
/// </summary>
public static class ReturnTaskItem
{
    public sealed record Command(string ItemId) : ICommand<Unit>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "give back a task item");
            var now = clock.GetUtcNow();
            var returned = await db.ExecuteAsync(
                """
                UPDATE task_items SET status = 'open', worker_id = NULL, taken_at = NULL, due_at = NULL
                WHERE id = @Id AND worker_id = @Me AND status = 'taken' AND due_at > @Now
                """, new { Id = command.ItemId, Me = caller.Id, Now = now });
            if (returned > 0) return Unit.Value;
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM task_items i WHERE i.id = @Id AND i.worker_id = @Me",
                    new { Id = command.ItemId, Me = caller.Id }) == 0)
                throw new NotFoundException("No such item of yours.");
            throw new ConflictException($"The item is no longer yours: its {TaskJobRules.MinutesToSubmit} minutes ran out or it was submitted.",
                ConflictCode.TaskItemNotHeld);
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/task-items/{id}/return", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new Command(id));
                return TypedResults.NoContent();
            })
            .RequireScope(TokenScope.BidsWrite).WithName("ReturnTaskItem").ProducesProblem(404).ProducesProblem(409);
}
