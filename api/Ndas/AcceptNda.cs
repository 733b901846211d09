using MediatR;
using Marketplace.Platform;

namespace Marketplace.Ndas;

/// <summary>An acceptance as the API shows it.</summary>
public sealed record NdaAcceptance
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public required string WorkerId { get; init; }
    public string? TemplateVersion { get; init; }
    public string? FileSha256 { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
}

/// <summary>
/// <c>POST /api/jobs/{id}/nda/accept</c>: a worker who may see the job accepts its NDA: the template's version in force
/// or the PDF's SHA-256 is recorded with the time and the person (and later listed on the contract's terms notice). A
/// job for verified workers refuses an unverified one (403 identityNotVerified). Accepting twice answers the first.
/// </summary>
public static class AcceptNda
{
    public sealed record Command(string JobId) : ICommand<NdaAcceptance>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, NdaAcceptance>
    {
        public async Task<NdaAcceptance> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "accept an NDA");
            var job = await db.QuerySingleOrDefaultAsync<JobRow>(
                """
                SELECT j.nda, j.verified_only, f.sha256 AS file_sha256 FROM jobs j LEFT JOIN files f ON f.id = j.nda_file_id
                WHERE j.id = @JobId AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { command.JobId, Me = caller.Id }) ?? throw new NotFoundException("No such job.");
            if (job.Nda == JobNda.None) throw new ConflictException("This job asks for no NDA.", ConflictCode.NoNda);
            // The verification and the insert are one statement: a check decided a moment ago counts, and nothing else does.
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO nda_acceptances (id, job_id, worker_id, template_version, file_sha256, accepted_at)
                SELECT @Id, j.id, @Me, @TemplateVersion, @FileSha256, @Now FROM jobs j
                WHERE j.id = @JobId
                  AND NOT EXISTS (SELECT 1 FROM nda_acceptances n WHERE n.job_id = j.id AND n.worker_id = @Me)
                  AND (j.verified_only = FALSE OR EXISTS (SELECT 1 FROM verified_workers v WHERE v.worker_id = @Me))
                """,
                new { Id = TimeOrderedId.New(), command.JobId, Me = caller.Id, Now = clock.GetUtcNow(),
                      TemplateVersion = job.Nda == JobNda.Template ? NdaTemplate.Version : null,
                      FileSha256 = job.Nda == JobNda.File ? job.FileSha256 : null });
            var acceptance = await db.QuerySingleOrDefaultAsync<NdaAcceptance>(
                "SELECT n.id, n.job_id, n.worker_id, n.template_version, n.file_sha256, n.accepted_at FROM nda_acceptances n WHERE n.job_id = @JobId AND n.worker_id = @Me",
                new { command.JobId, Me = caller.Id });
            if (inserted == 0 && acceptance is null)
                throw new ProblemException(403, "Identity check required.",
                    "This job is for workers whose identity is verified: ask for an identity check first.", NdaGate.IdentityNotVerified);
            return acceptance!;
        }
    }

    private sealed class JobRow
    {
        public JobNda Nda { get; init; }
        public bool VerifiedOnly { get; init; }
        public string? FileSha256 { get; init; }
    }

    public static void Map(IEndpointRouteBuilder ndas) =>
        ndas.MapPost("/jobs/{id}/nda/accept", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("AcceptNda").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
