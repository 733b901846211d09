using MediatR;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Jobs;

public static class GetJob
{
    public sealed record Query(string Id) : IRequest<Job>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Job>
    {
        public async Task<Job> Handle(Query query, CancellationToken ct)
        {
            var job = await db.QuerySingleOrDefaultAsync<Job>(
                """
                SELECT j.* FROM job_details j
                WHERE j.id = @Id AND (j.status = 'open' OR EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me))
                """, new { query.Id, Me = caller.Id })
                ?? throw new NotFoundException("No such job.");
            return await WithFilesAsync(db, job, caller.Id);
        }
    }

    /// <summary>
    /// The job's reference files as the caller may read them: all of them, unless the job keeps them confidential and
    /// the caller is not among those who may read them (file_audience: its business, producers and awarded worker).
    /// </summary>
    internal static async Task<Job> WithFilesAsync(DbSession db, Job job, string me)
    {
        var confidential = await db.ExecuteScalarAsync<bool>("SELECT j.confidential_files FROM jobs j WHERE j.id = @Id", new { job.Id });
        var files = (await Attachments.OfAsync(db, AttachTo.Job, [job.Id]))[job.Id].ToList();
        if (confidential && files.Count > 0 && await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM file_audience a WHERE a.file_id = @FileId AND a.user_id = @Me", new { FileId = files[0].Id, Me = me }) == 0)
            files = [];
        return job with { ConfidentialFiles = confidential, Files = files };
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapGet("/jobs/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetJob").ProducesProblem(401).ProducesProblem(404);
}
