using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Files;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Platform;
using Marketplace.Search;
using Microsoft.Extensions.Options;

namespace Marketplace.Contests;

/// <summary>
/// A business posts a contest: a job of format 'contest' with its brief, reference files, prize, deadline (3 to 30
/// days away) and minimum number of entries, and whether the winner's copyright transfers on payment. The prize is
/// asked for into the job's escrow at posting; the contest opens to entries once it arrives.
/// </summary>
public static class PostContest
{
    public sealed record Command : ICommand<Contest>
    {
        public string Title { get; init; } = "";
        /// <summary>The brief.</summary>
        public string Description { get; init; } = "";
        public JobCategory? Category { get; init; }
        public long Prize { get; init; }
        public DateTimeOffset? Deadline { get; init; }
        public int MinimumEntries { get; init; } = 1;
        /// <summary>The winning entry's copyright transfers to the business when the prize is paid (shown to entrants before they enter).</summary>
        public bool CopyrightTransfers { get; init; }
        public string? Region { get; init; }
        /// <summary>Reference files (uploaded first with POST /api/files).</summary>
        public IReadOnlyList<string>? FileIds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Title).NotBlank("Title is required.").PlainText().MaximumLength(JobRules.TitleMax);
            RuleFor(c => c.Description).NotBlank("The brief is required.").PlainMultilineText().MaximumLength(JobRules.DescriptionMax);
            RuleFor(c => c.Category).NotNull().WithMessage($"Category must be one of: {WireName.AllOf<JobCategory>()}.");
            RuleFor(c => c.Prize).InclusiveBetween(ContestRules.PrizeMinYen, ContestRules.PrizeMaxYen);
            RuleFor(c => c.MinimumEntries).InclusiveBetween(1, ContestRules.MinimumEntriesMax);
            RuleFor(c => c.Deadline).NotNull().WithMessage("Deadline is required.").WithErrorCode("required")
                .Must(d => d >= clock.GetUtcNow().AddDays(ContestRules.MinDays))
                .WithMessage($"The deadline is at least {ContestRules.MinDays} days away.").WithErrorCode("deadlineTooSoon")
                .Must(d => d <= clock.GetUtcNow().AddDays(ContestRules.MaxDays))
                .WithMessage($"The deadline is at most {ContestRules.MaxDays} days away.").WithErrorCode("deadlineTooFar");
            RuleFor(c => c.Region).PlainText().MaximumLength(JobRules.RegionMax);
            this.FileIdsRule(c => c.FileIds);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IPaymentProvider payments,
        IOptions<PaymentOptions> paymentOptions) : IRequestHandler<Command, Contest>
    {
        public async Task<Contest> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Business, "post a contest");
            await EmailConfirmation.RequireAsync(db, caller.Id, "post a contest");
            var now = clock.GetUtcNow();
            var id = await JobSearchIndex.DrawJobIdAsync(db);
            var title = command.Title.Trim();
            var description = command.Description.Trim();
            var region = string.IsNullOrWhiteSpace(command.Region) ? null : command.Region.Trim();
            var deadline = command.Deadline!.Value;
            // The job carries the prize as its budget, so that the board and search show what a contest pays.
            await db.ExecuteAsync(
                """
                INSERT INTO jobs (id, business_id, producer_id, title, description, category, budget_min, budget_max, deadline, region,
                                  status, created_at, format)
                VALUES (@Id, @BusinessId, NULL, @Title, @Description, @Category, @Prize, @Prize, @Deadline, @Region, 'unfunded', @Now, 'contest')
                """,
                new { Id = id, BusinessId = caller.Id, Title = title, Description = description, Category = WireName.Of(command.Category!.Value),
                      command.Prize, Deadline = deadline, Region = region, Now = now });
            await db.ExecuteAsync(
                """
                INSERT INTO contests (job_id, prize, minimum_entries, entries_close_at, choose_by, copyright_transfers, status, created_at)
                VALUES (@Id, @Prize, @MinimumEntries, @Deadline, @ChooseBy, @CopyrightTransfers, 'open', @Now)
                """,
                new { Id = id, command.Prize, command.MinimumEntries, Deadline = deadline, ChooseBy = deadline.AddDays(ContestRules.ChooseDays),
                      command.CopyrightTransfers, Now = now });
            await JobSearchIndex.WriteAsync(db, id, title, description, region);
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Job, id);
            // The prize is asked for into the job's escrow; the contest waits off the board (unfunded) until it arrives.
            await Escrow.RequestJobPaymentAsync(db, id, command.Prize, payments, PaymentTerms.ForJob(paymentOptions.Value, now, deadline), now);
            return await mediator.Send(new GetContest.Query(id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contests) =>
        contests.MapPost("/contests", async (Command command, IMediator mediator) =>
            {
                var contest = await mediator.Send(command);
                return TypedResults.Created($"/api/contests/{contest.Id}", contest);
            })
            .WithName("PostContest").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
}
