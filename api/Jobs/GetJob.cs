using MediatR;
using Marketplace.Files;
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
    /// Signed in: a job the caller may see (job_viewers: an open job, a members-only one to workers only, or any job of
    /// the caller's own relation). Its questions, bids and files read the same view, so none answers where the job does not.
    /// </summary>
    internal const string SignedInSql = """
        SELECT j.* FROM job_details j
        WHERE j.id = @Id AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, Job>
    {
        public async Task<Job> Handle(Query query, CancellationToken ct)
        {
            var job = (caller.IsSignedIn
                ? await db.QuerySingleOrDefaultAsync<Job>(SignedInSql, new { query.Id, Me = caller.Id })
                : await db.QuerySingleOrDefaultAsync<Job>(PublicSql, new { query.Id }))
                ?? throw new NotFoundException("No such job.");
            job = await WithProgrammeMarksAsync(db, job, caller.IsSignedIn ? caller.Id : null);
            job = (await JobFormats.WithFormatsAsync(db, [job], clock.GetUtcNow()))[0];
            if (!caller.IsSignedIn) return await WithPublicFilesAsync(db, job);
            return await WithFilesAsync(db, job, caller.Id);
        }
    }

    private sealed class Marks
    {
        public string? BeginnerBadgeId { get; init; }
        public string? BeginnerBadgeName { get; init; }
        public string? NdaTemplateVersion { get; init; }
        public string? NdaFileId { get; init; }
        public bool NdaAccepted { get; init; }
        public long RowVersion { get; init; }
    }

    /// <summary>The beginner badge and the NDA of a job (issue 29), and whether the caller may read its confidential part.</summary>
    internal static async Task<Job> WithProgrammeMarksAsync(DbSession db, Job job, string? me)
    {
        var marks = await db.QuerySingleAsync<Marks>(
            """
            SELECT j.beginner_badge_id, b.name AS beginner_badge_name, j.nda_template_version, j.nda_file_id, j.row_version,
                   CASE WHEN EXISTS (SELECT 1 FROM nda_readers r WHERE r.job_id = j.id AND r.user_id = @Me) THEN 1 ELSE 0 END AS nda_accepted
            FROM jobs j LEFT JOIN badges b ON b.id = j.beginner_badge_id WHERE j.id = @Id
            """, new { job.Id, Me = me });
        return job with
        {
            BeginnerBadgeId = marks.BeginnerBadgeId, BeginnerBadgeName = marks.BeginnerBadgeName, NdaTemplateVersion = marks.NdaTemplateVersion,
            RowVersion = marks.RowVersion, NdaFileId = marks.NdaFileId, NdaAccepted = job.Nda == Ndas.JobNda.None || me is null ? null : marks.NdaAccepted,
        };
    }

    /// <summary>A visitor's job: the files the business made public, when the job shows files at all (file_public).</summary>
    internal const string PublicFilesSql = "SELECT v.file_id FROM file_public v WHERE v.job_id = @Id";

    internal static async Task<Job> WithPublicFilesAsync(DbSession db, Job job)
    {
        var confidential = await db.ExecuteScalarAsync<bool>("SELECT j.confidential_files FROM jobs j WHERE j.id = @Id", new { job.Id });
        var visible = (await db.QueryAsync<string>(PublicFilesSql, new { job.Id })).ToHashSet(StringComparer.Ordinal);
        var files = visible.Count == 0 ? [] : (await Attachments.OfAsync(db, AttachTo.Job, [job.Id]))[job.Id].Where(f => visible.Contains(f.Id)).ToList();
        return job with { ConfidentialFiles = confidential, Files = files };
    }

    /// <summary>
    /// The job's reference files as the caller may read them: all of them, unless the job keeps them confidential and
    /// the caller is not among those who may read them (file_audience: its business, producers and awarded worker).
    /// </summary>
    internal static async Task<Job> WithFilesAsync(DbSession db, Job job, string me)
    {
        var confidential = await db.ExecuteScalarAsync<bool>("SELECT j.confidential_files FROM jobs j WHERE j.id = @Id", new { job.Id });
        var files = (await Attachments.OfAsync(db, AttachTo.Job, [job.Id]))[job.Id].ToList();
        // An NDA job's files are its confidential part: none until the caller accepted the NDA (GET …/confidential says why).
        if (job.Nda != Ndas.JobNda.None && job.NdaAccepted != true) files = [];
        if (confidential && files.Count > 0 && await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM file_audience a WHERE a.file_id = @FileId AND a.user_id = @Me", new { FileId = files[0].Id, Me = me }) == 0)
            files = [];
        return job with { ConfidentialFiles = confidential, Files = files };
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapGet("/jobs/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetJob").WithETag().AllowAnonymous().PublicForVisitors().ProducesProblem(404).ProducesProblem(429);
}
