using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using MediatR;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Jobs;

/// <summary>
/// <c>PATCH /api/jobs/{id}</c> {fileIds?, confidentialFiles?, publicFileIds?}: the job's business, or its producer
/// allowed to post jobs, changes the reference files while the job is open. <c>fileIds</c> is the whole new list: files
/// already on the job stay when named and are taken off when not (they become unattached and are swept after a day);
/// new ones must be the caller's own unattached uploads. <c>publicFileIds</c> is the whole new list of the job's files
/// visitors may download; a file added without being named there is not public.
/// </summary>
public static class UpdateJob
{
    public sealed record Command : ICommand<Job>
    {
        [JsonIgnore] public string Id { get; init; } = "";
        /// <summary>The job's ETag as the client read it (the If-Match header); null changes it whatever its version.</summary>
        [JsonIgnore] public string? IfMatch { get; init; }
        public IReadOnlyList<string>? FileIds { get; init; }
        public bool? ConfidentialFiles { get; init; }
        /// <summary>The job's files that visitors may download (the whole list; null leaves it).</summary>
        public IReadOnlyList<string>? PublicFileIds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.FileIdsRule(c => c.FileIds);
            this.FileIdsRule(c => c.PublicFileIds);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, IMediator mediator) : IRequestHandler<Command, Job>
    {
        public async Task<Job> Handle(Command command, CancellationToken ct)
        {
            var job = await mediator.Send(new GetJob.Query(command.Id), ct);
            var runs = job.BusinessId == caller.Id || await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM producer_clients pc WHERE pc.business_id = @BusinessId AND pc.producer_id = @Me AND pc.can_post_jobs = TRUE",
                new { job.BusinessId, Me = caller.Id }) > 0;
            if (!runs) throw new ForbiddenException("Only the job's business, or its producer allowed to post jobs, changes it.");
            // The state check and the version check are part of the change: a job awarded meanwhile, or changed since the
            // client read the version it names in If-Match, is not changed.
            var changed = await db.ExecuteAsync(
                """
                UPDATE jobs SET confidential_files = COALESCE(@Confidential, confidential_files), row_version = row_version + 1
                WHERE id = @Id AND status = 'open' AND (@IfMatch IS NULL OR row_version = @IfMatch)
                """,
                new { command.Id, Confidential = command.ConfidentialFiles, IfMatch = RowVersions.IfMatch(command.IfMatch) });
            if (changed == 0)
            {
                var status = await db.ExecuteScalarAsync<string>("SELECT j.status FROM jobs j WHERE j.id = @Id", new { command.Id });
                if (status == WireName.Of(JobStatus.Open)) throw RowVersions.Stale();
                throw new ConflictException($"A job's files change only while it is open; this one is {status}.", ConflictCode.JobNotOpen);
            }
            if (command.FileIds is { } ids)
            {
                var keep = ids.Distinct(StringComparer.Ordinal).ToArray();
                await db.ExecuteAsync("UPDATE files SET job_id = NULL, \"public\" = FALSE WHERE job_id = @Id AND id NOT IN @Keep", new { command.Id, Keep = keep });
                var present = (await db.QueryAsync<string>("SELECT f.id FROM files f WHERE f.job_id = @Id", new { command.Id })).ToHashSet();
                await Attachments.AttachAsync(db, caller.Id, keep.Where(i => !present.Contains(i)).ToList(), AttachTo.Job, command.Id);
            }
            await Attachments.ChoosePublicAsync(db, command.Id, command.PublicFileIds);
            return await mediator.Send(new GetJob.Query(command.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapPatch("/jobs/{id}", (string id, Command command, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator) =>
                mediator.Send(command with { Id = id, IfMatch = ifMatch }))
            .WithName("UpdateJob").WithETag().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
