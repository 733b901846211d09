using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Workers;

/// <summary>Businesses and producers look for workers by skill and region.</summary>
public static class SearchWorkers
{
    public sealed record Query : IRequest<Page<WorkerProfile>>
    {
        public string? Skill { get; init; }
        public string? Region { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Skill).PlainText().MaximumLength(50);
            RuleFor(q => q.Region).PlainText().MaximumLength(50);
            RuleFor(q => q.Cursor).PlainText().ValidCursor();
        }
    }

    // Skills compare case-insensitively in ASCII (SQLite's NOCASE, as LOWER() did), on ix_worker_skills_nocase.
    private const string HasSkill =
        "(@Skill IS NULL OR EXISTS (SELECT 1 FROM worker_skills s WHERE s.worker_id = p.worker_id AND s.skill = @Skill COLLATE NOCASE))";

    /// <summary>Workers with a profile, newest first, on worker_profiles' key.</summary>
    internal const string Everyone = $"""
        SELECT w.* FROM worker_profiles p JOIN worker_details w ON w.worker_id = p.worker_id
        WHERE p.worker_id < @After AND {HasSkill}
        ORDER BY p.worker_id DESC LIMIT @Take
        """;

    /// <summary>Workers of one region, on ix_worker_profiles_region (region, worker_id).</summary>
    internal const string InRegion = $"""
        SELECT w.* FROM worker_profiles p JOIN worker_details w ON w.worker_id = p.worker_id
        WHERE p.region = @Region AND p.worker_id < @After AND {HasSkill}
        ORDER BY p.worker_id DESC LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<WorkerProfile>>
    {
        public async Task<Page<WorkerProfile>> Handle(Query query, CancellationToken ct)
        {
            if (caller.Role is not (Role.Business or Role.Producer))
                throw new ForbiddenException("Only businesses and producers search workers.");
            var limit = Paging.Clamp(query.Limit);
            var region = Blank(query.Region);
            var workers = await WorkerProfile.ReadAsync(db, region is null ? Everyone : InRegion,
                new { Region = region, Skill = Blank(query.Skill), After = Paging.After(query.Cursor), Take = limit + 1 }, caller.Id);
            return Paging.From(workers, limit, w => w.WorkerId);
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static void Map(IEndpointRouteBuilder workers) =>
        workers.MapGet("/workers", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("SearchWorkers").ProducesValidationProblem().ProducesProblem(403);
}
