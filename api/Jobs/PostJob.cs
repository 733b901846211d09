using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Files;
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
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Job>
    {
        public async Task<Job> Handle(Command command, CancellationToken ct)
        {
            var (businessId, producerId) = await Poster(command);
            // The id fixes the job's full-text rowid (JobSearchIndex.DocId), so it is drawn in the write transaction.
            var id = await JobSearchIndex.DrawJobIdAsync(db);
            var title = command.Title.Trim();
            var description = command.Description.Trim();
            var region = string.IsNullOrWhiteSpace(command.Region) ? null : command.Region.Trim();
            await db.ExecuteAsync(
                """
                INSERT INTO jobs (id, business_id, producer_id, title, description, category, budget_min, budget_max, deadline, region,
                                  producer_review, members_only, confidential_files, status, created_at)
                VALUES (@Id, @BusinessId, @ProducerId, @Title, @Description, @Category, @BudgetMin, @BudgetMax, @Deadline, @Region,
                        @ProducerReview, @MembersOnly, @ConfidentialFiles, 'open', @Now)
                """,
                new
                {
                    Id = id, BusinessId = businessId, ProducerId = producerId, command.ProducerReview, command.MembersOnly, command.ConfidentialFiles,
                    Title = title, Description = description, Category = WireName.Of(command.Category!.Value), command.BudgetMin,
                    command.BudgetMax, Deadline = command.Deadline!.Value, Region = region, Now = clock.GetUtcNow(),
                });
            // The search tokens, in the same transaction: a job is searchable exactly when it exists.
            await JobSearchIndex.WriteAsync(db, id, title, description, region);
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Job, id);
            await Attachments.ChoosePublicAsync(db, id, command.PublicFileIds);
            return await mediator.Send(new GetJob.Query(id), ct);
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
