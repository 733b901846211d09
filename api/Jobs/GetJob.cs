using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

public static class GetJob
{
    public sealed record Query(string Id) : IRequest<Job>;

    /// <summary>A visitor reads a job on the public board (job_public: open, not members-only).</summary>
    internal const string PublicSql = """
        SELECT j.* FROM job_details j JOIN job_public p ON p.job_id = j.id WHERE j.id = @Id
        """;

    /// <summary>
    /// Signed in: an open job (a members-only one if the caller is a worker), or any job of the caller's own relation.
    /// </summary>
    internal const string SignedInSql = """
        SELECT j.* FROM job_details j
        WHERE j.id = @Id AND ((j.status = 'open' AND (j.members_only = 0 OR @IsWorker = 1))
                              OR EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me))
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Job>
    {
        public async Task<Job> Handle(Query query, CancellationToken ct) =>
            (caller.IsSignedIn
                ? await db.QuerySingleOrDefaultAsync<Job>(SignedInSql, new { query.Id, Me = caller.Id, IsWorker = caller.Role == Role.Worker })
                : await db.QuerySingleOrDefaultAsync<Job>(PublicSql, new { query.Id }))
            ?? throw new NotFoundException("No such job.");
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapGet("/jobs/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetJob").AllowAnonymous().PublicForVisitors().ProducesProblem(404).ProducesProblem(429);
}
