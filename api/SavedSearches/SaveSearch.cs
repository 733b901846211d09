using FluentValidation;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.SavedSearches;

/// <summary>A worker saves the board's words and filters; jobs posted from now on that match are alerted on.</summary>
public static class SaveSearch
{
    public sealed record Command : ICommand<SavedSearch>
    {
        /// <summary>What the worker calls it; the words when left out.</summary>
        public string? Name { get; init; }
        public string? Q { get; init; }
        public JobCategory? Category { get; init; }
        public string? Region { get; init; }
        public long? MinBudget { get; init; }
        public long? MaxBudget { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).PlainText().MaximumLength(SavedSearchRules.NameMax);
            RuleFor(c => c.Q).SearchWords();
            RuleFor(c => c.Region).PlainText().MaximumLength(JobRules.RegionMax);
            RuleFor(c => c.MinBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(c => c.MaxBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.Q) || c.Category is not null || !string.IsNullOrWhiteSpace(c.Region)
                                      || c.MinBudget is not null || c.MaxBudget is not null)
                .WithName("q").WithMessage("Save words or at least one filter: a search of everything alerts on every job.")
                .WithErrorCode("emptySearch");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, SavedSearch>
    {
        public async Task<SavedSearch> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "save a job search");
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            var q = string.IsNullOrWhiteSpace(command.Q) ? null : command.Q.Trim();
            var region = string.IsNullOrWhiteSpace(command.Region) ? null : command.Region.Trim();
            var name = string.IsNullOrWhiteSpace(command.Name) ? q ?? region ?? "検索" : command.Name.Trim();
            // The limit is decided by the insert itself (inside the command's write transaction), not by a count read before it.
            var saved = await db.ExecuteAsync(
                """
                INSERT INTO saved_searches (id, worker_id, name, q, category, region, min_budget, max_budget, from_doc_id, seen_doc_id, alert_after, created_at)
                SELECT @Id, @Me, @Name, @Q, @Category, @Region, @MinBudget, @MaxBudget,
                       (SELECT COALESCE(MAX(s.doc_id), 0) FROM job_search s), (SELECT COALESCE(MAX(s.doc_id), 0) FROM job_search s), @Now, @Now
                WHERE (SELECT COUNT(*) FROM saved_searches x WHERE x.worker_id = @Me) < @Max
                """,
                new
                {
                    Id = id, Me = caller.Id, Name = name, Q = q, Category = command.Category is { } c ? WireName.Of(c) : null, Region = region,
                    command.MinBudget, command.MaxBudget, Now = now, Max = SavedSearchRules.MaxPerWorker,
                });
            if (saved == 0)
                throw new ConflictException($"You have {SavedSearchRules.MaxPerWorker} saved searches; delete one first.", ConflictCode.TooManySavedSearches);
            return new SavedSearch
            {
                Id = id, Name = name, Q = q, Category = command.Category is { } cat ? WireName.Of(cat) : null, Region = region,
                MinBudget = command.MinBudget, MaxBudget = command.MaxBudget, CreatedAt = now,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/me/saved-searches", async (Command command, IMediator mediator) =>
            {
                var saved = await mediator.Send(command);
                return TypedResults.Created($"/api/me/saved-searches/{saved.Id}", saved);
            })
            .WithName("SaveSearch").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
}
