using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Files;
using Marketplace.Accounts;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.Jobs;

public static class PostJob
{
    public sealed record Command : ICommand<Job>
    {
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public JobCategory? Category { get; init; }
        public long BudgetMin { get; init; }
        public long BudgetMax { get; init; }
        public DateTimeOffset? Deadline { get; init; }
        public string? Region { get; init; }
        /// <summary>The client business, when a producer posts for it.</summary>
        public string? BusinessId { get; init; }
        /// <summary>Send each submission to the producer first (only on a job a producer posts).</summary>
        public bool ProducerReview { get; init; }
        /// <summary>Only signed-in workers see the job; it stays off the public board, its link preview and the sitemap.</summary>
        public bool MembersOnly { get; init; }
        /// <summary>Reference files (uploaded first with POST /api/files).</summary>
        public IReadOnlyList<string>? FileIds { get; init; }
        /// <summary>Only the business, its producers and the awarded worker may read the reference files.</summary>
        public bool ConfidentialFiles { get; init; }
        /// <summary>
        /// Those of <see cref="FileIds"/> that visitors (nobody signed in) may download from the public board; a file is
        /// not public unless named here.
        /// </summary>
        public IReadOnlyList<string>? PublicFileIds { get; init; }
        /// <summary>A beginner job (入門案件, issue 29): only workers with few accepted contracts, or holding <see cref="BeginnerBadgeId"/>, may bid.</summary>
        public bool Beginners { get; init; }
        /// <summary>A badge (GET /api/badges) whose holders may bid on the beginner job whatever their experience.</summary>
        public string? BeginnerBadgeId { get; init; }
        /// <summary>An NDA the worker accepts before reading <see cref="FullDescription"/> and the files: the platform's template or the business's PDF.</summary>
        public Ndas.JobNda Nda { get; init; }
        /// <summary>The business's own NDA, a PDF uploaded first with POST /api/files (with <c>nda: file</c>).</summary>
        public string? NdaFileId { get; init; }
        /// <summary>Only workers with a verified identity may accept the NDA and bid.</summary>
        public bool VerifiedOnly { get; init; }
        /// <summary>The full description behind the NDA; <see cref="Description"/> stays the outline everyone who sees the job reads.</summary>
        public string? FullDescription { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Title).NotBlank("Title is required.").PlainText()
                .MaximumLength(JobRules.TitleMax);
            RuleFor(c => c.Description).NotBlank("Description is required.").PlainMultilineText()
                .MaximumLength(JobRules.DescriptionMax);
            RuleFor(c => c.Category).NotNull().WithMessage($"Category must be one of: {WireName.AllOf<JobCategory>()}.");
            RuleFor(c => c.BudgetMin).InclusiveBetween(JobRules.BudgetMinYen, JobRules.BudgetMaxYen);
            RuleFor(c => c.BudgetMax).InclusiveBetween(JobRules.BudgetMinYen, JobRules.BudgetMaxYen)
                .GreaterThanOrEqualTo(c => c.BudgetMin).WithMessage("Budget max must not be below budget min.").WithErrorCode("budgetMaxBelowMin");
            RuleFor(c => c.Deadline).NotNull().WithMessage("Deadline is required.").WithErrorCode("required")
                .Must(d => d > clock.GetUtcNow()).WithMessage("Deadline must be in the future.").WithErrorCode("deadlineInPast")
                .Must(d => d <= clock.GetUtcNow().AddYears(1)).WithMessage("Deadline must be within a year.").WithErrorCode("deadlineTooFar");
            RuleFor(c => c.Region).PlainText().MaximumLength(JobRules.RegionMax);
            RuleFor(c => c.BusinessId).PlainText().MaximumLength(64);
            this.FileIdsRule(c => c.FileIds);
            // That each public file is one of the job's is checked once they are attached (Attachments.ChoosePublicAsync).
            this.FileIdsRule(c => c.PublicFileIds);
            RuleFor(c => c.BeginnerBadgeId).PlainText().MaximumLength(64);
            RuleFor(c => c.BeginnerBadgeId).Null().When(c => !c.Beginners).WithMessage("A badge is named on a beginner job only.");
            RuleFor(c => c.NdaFileId).PlainText().MaximumLength(64);
            RuleFor(c => c.NdaFileId).NotEmpty().When(c => c.Nda == Ndas.JobNda.File).WithMessage("Name the NDA document (a PDF uploaded with POST /api/files).");
            RuleFor(c => c.NdaFileId).Null().When(c => c.Nda != Ndas.JobNda.File).WithMessage("An NDA document goes with nda: file only.");
            RuleFor(c => c.FullDescription).PlainMultilineText().MaximumLength(JobRules.DescriptionMax);
            RuleFor(c => c.FullDescription).Null().When(c => c.Nda == Ndas.JobNda.None)
                .WithMessage("A full description is for a job under an NDA; without one, the description says all.");
            // Behind an NDA nothing of the job's confidential part is for visitors.
            // Typed as FileIdsRule types it: FluentValidation caches one accessor per property, of the first rule's type.
            RuleFor<IEnumerable<string>?>(c => c.PublicFileIds).Must(p => p is null || !p.Any()).When(c => c.Nda != Ndas.JobNda.None)
                .WithMessage("A job under an NDA has no public files.");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Job>
    {
        public async Task<Job> Handle(Command command, CancellationToken ct)
        {
            var (businessId, producerId) = await Poster(command);
            await EmailConfirmation.RequireAsync(db, caller.Id, "post a job");
            // The id fixes the job's full-text rowid (JobSearchIndex.DocId), so it is drawn in the write transaction.
            var id = await JobSearchIndex.DrawJobIdAsync(db);
            var title = command.Title.Trim();
            var description = command.Description.Trim();
            var region = string.IsNullOrWhiteSpace(command.Region) ? null : command.Region.Trim();
            await db.ExecuteAsync(
                """
                INSERT INTO jobs (id, business_id, producer_id, title, description, category, budget_min, budget_max, deadline, region,
                                  producer_review, members_only, confidential_files, status, created_at,
                                  beginners, beginner_badge_id, nda, nda_template_version, nda_file_id, verified_only, full_description)
                VALUES (@Id, @BusinessId, @ProducerId, @Title, @Description, @Category, @BudgetMin, @BudgetMax, @Deadline, @Region,
                        @ProducerReview, @MembersOnly, @ConfidentialFiles, 'open', @Now,
                        @Beginners, @BeginnerBadgeId, @Nda, @NdaTemplateVersion, @NdaFileId, @VerifiedOnly, @FullDescription)
                """,
                new
                {
                    Id = id, BusinessId = businessId, ProducerId = producerId, command.ProducerReview, command.MembersOnly, command.ConfidentialFiles,
                    Title = title, Description = description, Category = WireName.Of(command.Category!.Value), command.BudgetMin,
                    command.BudgetMax, Deadline = command.Deadline!.Value, Region = region, Now = clock.GetUtcNow(),
                    command.Beginners, BeginnerBadgeId = await BadgeAsync(command), Nda = WireName.Of(command.Nda),
                    NdaTemplateVersion = command.Nda == Ndas.JobNda.Template ? Ndas.NdaTemplate.Version : null,
                    NdaFileId = await NdaFileAsync(command), command.VerifiedOnly,
                    FullDescription = command.Nda == Ndas.JobNda.None ? null : command.FullDescription?.Trim(),
                });
            // The search tokens, in the same transaction: a job is searchable exactly when it exists.
            await JobSearchIndex.WriteAsync(db, id, title, description, region);
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Job, id);
            await Attachments.ChoosePublicAsync(db, id, command.PublicFileIds);
            return await mediator.Send(new GetJob.Query(id), ct);
        }

        private async Task<string?> BadgeAsync(Command command)
        {
            if (command.BeginnerBadgeId is null) return null;
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM badges b WHERE b.id = @Id", new { Id = command.BeginnerBadgeId }) == 0)
                throw new ValidationException([new ValidationFailure("beginnerBadgeId", "No such badge.") { ErrorCode = "notFound" }]);
            return command.BeginnerBadgeId;
        }

        /// <summary>The poster's own PDF, uploaded and not attached elsewhere.</summary>
        private async Task<string?> NdaFileAsync(Command command)
        {
            if (command.Nda != Ndas.JobNda.File) return null;
            if (await db.ExecuteScalarAsync<long>(
                    """
                    SELECT COUNT(*) FROM files f WHERE f.id = @Id AND f.owner_id = @Me AND f.content_type = 'application/pdf'
                      AND f.job_id IS NULL AND f.message_id IS NULL AND f.submission_id IS NULL AND f.revision_id IS NULL
                    """, new { Id = command.NdaFileId, Me = caller.Id }) == 0)
                throw new ValidationException([new ValidationFailure("ndaFileId", "The NDA document is a PDF you uploaded.") { ErrorCode = "fileNotUsable" }]);
            return command.NdaFileId;
        }

        /// <summary>A business posts for itself; a producer posts for a client whose active link lets it.</summary>
        private async Task<(string BusinessId, string? ProducerId)> Poster(Command command)
        {
            if (caller.Role == Role.Business)
            {
                if (command.BusinessId is not null && command.BusinessId != caller.Id)
                    throw new ForbiddenException("A business posts only its own jobs.");
                if (command.ProducerReview)
                    throw new ValidationException([new ValidationFailure(
                        "producerReview", "A producer review is set by the producer who posts the job.")]);
                return (caller.Id, null);
            }
            if (caller.Role != Role.Producer) throw new ForbiddenException("Only a business, or its producer, may post a job.");
            if (string.IsNullOrEmpty(command.BusinessId))
                throw new ValidationException([new ValidationFailure("businessId", "A producer names the client business the job is for.")]);
            var mayPost = await db.ExecuteScalarAsync<bool>(
                """
                SELECT COUNT(*) FROM producer_clients pc
                WHERE pc.business_id = @BusinessId AND pc.producer_id = @Me AND pc.can_post_jobs = TRUE
                """, new { command.BusinessId, Me = caller.Id });
            if (!mayPost) throw new ForbiddenException("You have no active link with this business that lets you post jobs.");
            return (command.BusinessId, caller.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapPost("/jobs", async (Command command, IMediator mediator) =>
            {
                var job = await mediator.Send(command);
                return TypedResults.Created($"/api/jobs/{job.Id}", job);
            })
            .WithName("PostJob").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
}
