using Dapper;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

public static class PostJob
{
    public sealed record Command : IRequest<Job>
    {
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public JobCategory? Category { get; init; }
        public long BudgetMin { get; init; }
        public long BudgetMax { get; init; }
        public DateTimeOffset? Deadline { get; init; }
        public string? Region { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Title is required.")
                .MaximumLength(JobRules.TitleMax);
            RuleFor(c => c.Description).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Description is required.")
                .MaximumLength(JobRules.DescriptionMax);
            RuleFor(c => c.Category).NotNull().WithMessage($"Category must be one of: {Wire.Names<JobCategory>()}.");
            RuleFor(c => c.BudgetMin).InclusiveBetween(JobRules.BudgetMinYen, JobRules.BudgetMaxYen);
            RuleFor(c => c.BudgetMax).InclusiveBetween(JobRules.BudgetMinYen, JobRules.BudgetMaxYen)
                .GreaterThanOrEqualTo(c => c.BudgetMin).WithMessage("Budget max must not be below budget min.");
            RuleFor(c => c.Deadline).NotNull().WithMessage("Deadline is required.")
                .Must(d => d > clock.GetUtcNow()).WithMessage("Deadline must be in the future.")
                .Must(d => d <= clock.GetUtcNow().AddYears(1)).WithMessage("Deadline must be within a year.");
            RuleFor(c => c.Region).MaximumLength(JobRules.RegionMax);
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Job>
    {
        public async Task<Job> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Business, "post a job");
            var id = Wire.NewId();
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync(
                """
                INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, region, status, created_at)
                VALUES (@Id, @BusinessId, @Title, @Description, @Category, @BudgetMin, @BudgetMax, @Deadline, @Region, 'open', @Now)
                """,
                new
                {
                    Id = id, BusinessId = caller.Id, Title = command.Title.Trim(), Description = command.Description.Trim(),
                    Category = Wire.Name(command.Category!.Value), command.BudgetMin, command.BudgetMax,
                    Deadline = command.Deadline!.Value, Region = string.IsNullOrWhiteSpace(command.Region) ? null : command.Region.Trim(),
                    Now = clock.GetUtcNow(),
                });
            return await JobSql.GetVisibleAsync(connection, id, caller);
        }
    }
}
