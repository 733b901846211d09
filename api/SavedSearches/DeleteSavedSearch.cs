using MediatR;
using Marketplace.Platform;

namespace Marketplace.SavedSearches;

/// <summary>A worker deletes one of its saved searches (and what it was alerted on); another's is "not found".</summary>
public static class DeleteSavedSearch
{
    public sealed record Command(string Id) : ICommand<Unit>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "keep saved job searches");
            await db.ExecuteAsync(
                "DELETE FROM saved_search_hits WHERE saved_search_id IN (SELECT s.id FROM saved_searches s WHERE s.id = @Id AND s.worker_id = @Me)",
                new { command.Id, Me = caller.Id });
            var deleted = await db.ExecuteAsync("DELETE FROM saved_searches WHERE id = @Id AND worker_id = @Me", new { command.Id, Me = caller.Id });
            return deleted == 1 ? Unit.Value : throw new NotFoundException("No such saved search.");
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/me/saved-searches/{id}", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new Command(id));
                return TypedResults.NoContent();
            })
            .WithName("DeleteSavedSearch").ProducesProblem(403).ProducesProblem(404);
}
