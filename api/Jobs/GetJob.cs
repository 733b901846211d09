using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

public static class GetJob
{
    public sealed record Query(string Id) : IRequest<Job>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Job>
    {
        public async Task<Job> Handle(Query query, CancellationToken ct) =>
            await db.QuerySingleOrDefaultAsync<Job>(
                """
                SELECT j.* FROM job_details j
                WHERE j.id = @Id AND (j.status = 'open' OR EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me))
                """, new { query.Id, Me = caller.Id })
            ?? throw new NotFoundException("No such job.");
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapGet("/jobs/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetJob").ProducesProblem(401).ProducesProblem(404);
}
