using MediatR;
using Marketplace.Platform;

namespace Marketplace.Workers;

/// <summary>A worker's public profile and reputation.</summary>
public static class GetWorker
{
    public sealed record Query(string Id) : IRequest<WorkerProfile>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, WorkerProfile>
    {
        public async Task<WorkerProfile> Handle(Query query, CancellationToken ct)
        {
            var profile = (await WorkerProfile.ReadAsync(db, "SELECT w.* FROM worker_details w WHERE w.worker_id = @Id", new { query.Id }, caller.Id))
                .SingleOrDefault() ?? throw new NotFoundException("No such worker.");
            return profile with { TeamWork = await Teams.TeamReviews.OfAsync(db, query.Id) };
        }
    }

    public static void Map(IEndpointRouteBuilder workers) =>
        workers.MapGet("/workers/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetWorker").ProducesProblem(404);
}
