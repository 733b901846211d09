using MediatR;

namespace Marketplace.Jobs;

public static class JobEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var jobs = api.MapGroup("/jobs").RequireAuthorization().WithTags("Jobs");
        jobs.MapPost("", async (PostJob.Command command, IMediator mediator) =>
            {
                var job = await mediator.Send(command);
                return TypedResults.Created($"/api/jobs/{job.Id}", job);
            })
            .WithName("PostJob").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        jobs.MapGet("", ([AsParameters] ListJobs.Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListJobs").ProducesValidationProblem().ProducesProblem(401);
        jobs.MapGet("/{id}", (string id, IMediator mediator) => mediator.Send(new GetJob.Query(id)))
            .WithName("GetJob").ProducesProblem(401).ProducesProblem(404);
        jobs.MapPost("/{id}/cancel", (string id, IMediator mediator) => mediator.Send(new CancelJob.Command(id)))
            .WithName("CancelJob").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }
}
