using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Platform;
using Marketplace.Search;
using Microsoft.Extensions.Options;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>POST /api/task-jobs</c>: a business posts a task job: instructions, the answer's fields, the items (a number, or a
/// CSV of per-item inputs for the instructions' ##1## placeholders), the price per item, a per-worker cap and a deadline.
/// The whole amount (items × price; the platform's fee is taken from the workers' side, as on every job) is asked for
/// into the job's escrow at once; the job waits off the board (unfunded) until that payment is confirmed.
/// </summary>
public static class PostTaskJob
{
    public sealed record Command : ICommand<TaskJob>
    {
        public string Title { get; init; } = "";
        /// <summary>What to do with each item; ##1##, ##2##… show the item's own inputs (the CSV's columns).</summary>
        public string Instructions { get; init; } = "";
        public JobCategory? Category { get; init; }
        public DateTimeOffset? Deadline { get; init; }
        public string? Region { get; init; }
        public long PricePerItem { get; init; }
        /// <summary>How many items, when they have no inputs of their own; or give <see cref="ItemsCsv"/>.</summary>
        public int? ItemCount { get; init; }
        /// <summary>One row per item, its cells the item's inputs (no header row).</summary>
        public string? ItemsCsv { get; init; }
        /// <summary>The most items one worker may do.</summary>
        public int PerWorkerCap { get; init; }
        public IReadOnlyList<TaskField> Fields { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Title).NotBlank("Title is required.").PlainText().MaximumLength(JobRules.TitleMax);
            RuleFor(c => c.Instructions).NotBlank("Instructions are required.").PlainMultilineText().MaximumLength(JobRules.DescriptionMax);
            RuleFor(c => c.Category).NotNull().WithMessage($"Category must be one of: {WireName.AllOf<JobCategory>()}.");
            RuleFor(c => c.Deadline).NotNull().WithMessage("Deadline is required.").WithErrorCode("required")
                .Must(d => d > clock.GetUtcNow()).WithMessage("Deadline must be in the future.").WithErrorCode("deadlineInPast")
                .Must(d => d <= clock.GetUtcNow().AddDays(TaskJobRules.MaxDaysOpen))
                .WithMessage($"The deadline is at most {TaskJobRules.MaxDaysOpen} days away: the work's pay is due within 60 days of receiving it (Freelance Act art. 4).")
                .WithErrorCode("deadlineTooFar");
            RuleFor(c => c.Region).PlainText().MaximumLength(JobRules.RegionMax);
            RuleFor(c => c.PricePerItem).InclusiveBetween(TaskJobRules.MinPricePerItem, TaskJobRules.MaxPricePerItem);
            RuleFor(c => c.ItemCount).InclusiveBetween(1, TaskJobRules.MaxItems);
            RuleFor(c => c.ItemCount).NotNull().When(c => c.ItemsCsv is null)
                .WithMessage("Give the number of items or a CSV of them.").WithErrorCode("required");
            RuleFor(c => c.ItemCount).Null().When(c => c.ItemsCsv is not null)
                .WithMessage("Leave the number out: with a CSV the items are its rows.");
            RuleFor(c => c.ItemsCsv).MaximumLength(TaskJobRules.CsvMax).PlainMultilineText();
            RuleFor(c => c.PerWorkerCap).InclusiveBetween(1, TaskJobRules.MaxItems);
            RuleFor(c => c.Fields).NotEmpty().WithMessage("An answer has at least one field.")
                .MaxItems(TaskJobRules.MaxFields, "tooManyFields", $"At most {TaskJobRules.MaxFields} fields.");
            RuleForEach(c => c.Fields).ChildRules(field =>
            {
                field.RuleFor(f => f.Label).NotBlank("A field has a label.").PlainText().MaximumLength(TaskJobRules.FieldLabelMax);
                field.RuleFor(f => f.MaxLength).NotNull().InclusiveBetween(1, TaskJobRules.TextAnswerMax).When(f => f.Kind == TaskFieldKind.Text);
                field.RuleFor(f => f.Options).NotNull().Must(o => o is { Count: >= 2 and <= TaskJobRules.MaxOptions })
                    .WithMessage($"A choice has 2 to {TaskJobRules.MaxOptions} options.").When(f => f.Kind == TaskFieldKind.Choice);
                field.RuleForEach(f => f.Options).NotBlank("An option is not blank.").PlainText().MaximumLength(TaskJobRules.OptionMax);
                field.RuleFor(f => f.Options).Null().When(f => f.Kind != TaskFieldKind.Choice).WithMessage("Options go with a choice only.");
            });
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IPaymentProvider payments,
        IOptions<PaymentOptions> paymentOptions, IOptions<MoneyOptions> money) : IRequestHandler<Command, TaskJob>
    {
        public async Task<TaskJob> Handle(Command command, CancellationToken ct)
        {
            // A producer's fee would need the producer's link at posting; task jobs are their business's own for now.
            if (caller.Role != Role.Business) throw new ForbiddenException("Only a business posts a task job.");
            await EmailConfirmation.RequireAsync(db, caller.Id, "post a job");
            var rows = Items(command);
            var count = rows?.Count ?? command.ItemCount!.Value;
            var total = count * command.PricePerItem;
            if (total > JobRules.BudgetMaxYen)
                throw Invalid("pricePerItem", "tooMuch", $"Items × price may be at most {JobRules.BudgetMaxYen} yen.");
            var now = clock.GetUtcNow();
            var id = await JobSearchIndex.DrawJobIdAsync(db);
            var title = command.Title.Trim();
            var instructions = command.Instructions.Trim();
            var region = string.IsNullOrWhiteSpace(command.Region) ? null : command.Region.Trim();
            // A task job's budget is its price per item, so that the board's budget sort and filter read the pay of one item.
            await db.ExecuteAsync(
                """
                INSERT INTO jobs (id, business_id, producer_id, title, description, category, budget_min, budget_max, deadline, region,
                                  producer_review, members_only, confidential_files, status, created_at, format)
                VALUES (@Id, @BusinessId, NULL, @Title, @Description, @Category, @Price, @Price, @Deadline, @Region,
                        FALSE, FALSE, FALSE, 'unfunded', @Now, 'task')
                """,
                new { Id = id, BusinessId = caller.Id, Title = title, Description = instructions, Category = WireName.Of(command.Category!.Value),
                      Price = command.PricePerItem, Deadline = command.Deadline!.Value, Region = region, Now = now });
            await JobSearchIndex.WriteAsync(db, id, title, instructions, region);
            await db.ExecuteAsync(
                """
                INSERT INTO task_jobs (job_id, instructions, fields, price_per_item, item_count, per_worker_cap, platform_fee_bps)
                VALUES (@Id, @Instructions, @Fields, @Price, @Count, @Cap, @Bps)
                """,
                new { Id = id, Instructions = instructions, Fields = TaskField.Store(command.Fields.Select(Clean).ToList()), Price = command.PricePerItem,
                      Count = count, Cap = command.PerWorkerCap, Bps = money.Value.PlatformFeeBps });
            await TaskItems.CreateAsync(db, id, count, rows);
            await Escrow.RequestJobPaymentAsync(db, id, total, payments, PaymentTerms.ForJob(paymentOptions.Value, now, command.Deadline!.Value), now);
            return await mediator.Send(new GetTaskJob.Query(id), ct);
        }

        /// <summary>The CSV's rows, checked against the placeholders the instructions name; null without a CSV.</summary>
        private static IReadOnlyList<IReadOnlyList<string>>? Items(Command command)
        {
            var highest = TaskInstructions.HighestPlaceholder(command.Instructions);
            if (command.ItemsCsv is null)
            {
                if (highest > 0) throw Invalid("instructions", "placeholderWithoutCsv", "##1## and the like name a CSV's columns: give the items as a CSV.");
                return null;
            }
            var rows = TaskItemsCsv.Read(command.ItemsCsv, out var problem) ?? throw Invalid("itemsCsv", "notACsv", problem);
            var shortRow = rows.Select((r, i) => (Row: r, Number: i + 1)).FirstOrDefault(r => r.Row.Count < highest);
            if (shortRow.Row is not null)
                throw Invalid("itemsCsv", "missingColumn", $"Row {shortRow.Number} has {shortRow.Row.Count} columns; the instructions name ##{highest}##.");
            return rows;
        }

        private static TaskField Clean(TaskField field) => field with
        {
            Label = field.Label.Trim(),
            MaxLength = field.Kind == TaskFieldKind.Text ? field.MaxLength : null,
            Options = field.Options?.Select(o => o.Trim()).ToList(),
        };

        private static ValidationException Invalid(string property, string code, string message) =>
            new([new ValidationFailure(property, message) { ErrorCode = code }]);
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/task-jobs", async (Command command, IMediator mediator) =>
            {
                var job = await mediator.Send(command);
                return TypedResults.Created($"/api/task-jobs/{job.JobId}", job);
            })
            .WithName("PostTaskJob").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
}
