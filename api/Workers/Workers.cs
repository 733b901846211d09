using Dapper;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Workers;

/// <summary>What a home worker tells clients about itself, with the reputation its reviews built.</summary>
public sealed record WorkerProfile
{
    public required string WorkerId { get; init; }
    public required string DisplayName { get; init; }
    public required string Bio { get; init; }
    public required IReadOnlyList<string> Skills { get; init; }
    public required string Region { get; init; }
    /// <summary>Hours a week the worker can give (childcare, caregiving and farm seasons permitting).</summary>
    public required int WeeklyHours { get; init; }
    /// <summary>When the worker can work, in the worker's words (e.g. "平日 9:00–12:00").</summary>
    public required string Availability { get; init; }
    public double? Rating { get; init; }
    public required int ReviewCount { get; init; }
    public required int CompletedContracts { get; init; }
    /// <summary>Paid as an individual (withholding tax may apply); shown only to the worker itself.</summary>
    public bool? IsIndividual { get; init; }
}

internal static class WorkerSql
{
    private sealed class Row
    {
        public string WorkerId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? Bio { get; init; }
        public string? Region { get; init; }
        public int? WeeklyHours { get; init; }
        public string? Availability { get; init; }
        public double? Rating { get; init; }
        public int ReviewCount { get; init; }
        public int CompletedContracts { get; init; }
        public long IsIndividual { get; init; }
    }

    public const string Select = """
        SELECT u.id AS worker_id, u.display_name, u.is_individual, p.bio, p.region, p.weekly_hours, p.availability,
               (SELECT ROUND(AVG(r.rating * 1.0), 2) FROM reviews r WHERE r.reviewee_id = u.id) AS rating,
               (SELECT COUNT(*) FROM reviews r WHERE r.reviewee_id = u.id) AS review_count,
               (SELECT COUNT(*) FROM contracts c WHERE c.worker_id = u.id AND c.status = 'completed') AS completed_contracts
        FROM users u LEFT JOIN worker_profiles p ON p.worker_id = u.id
        """;

    public static async Task<List<WorkerProfile>> ReadAsync(System.Data.Common.DbConnection connection, string sql, object args, string? viewer = null)
    {
        var rows = (await connection.QueryAsync<Row>(sql, args)).AsList();
        if (rows.Count == 0) return [];
        var skills = (await connection.QueryAsync<(string WorkerId, string Skill)>(
                "SELECT worker_id, skill FROM worker_skills WHERE worker_id IN @Ids ORDER BY skill",
                new { Ids = rows.Select(r => r.WorkerId).ToArray() }))
            .ToLookup(s => s.WorkerId, s => s.Skill);
        return rows.Select(r => new WorkerProfile
        {
            WorkerId = r.WorkerId, DisplayName = r.DisplayName, Bio = r.Bio ?? "", Skills = skills[r.WorkerId].ToList(),
            Region = r.Region ?? "", WeeklyHours = r.WeeklyHours ?? 0, Availability = r.Availability ?? "",
            Rating = r.Rating, ReviewCount = r.ReviewCount, CompletedContracts = r.CompletedContracts,
            IsIndividual = r.WorkerId == viewer ? r.IsIndividual != 0 : null,
        }).ToList();
    }

    public static async Task<WorkerProfile> GetAsync(System.Data.Common.DbConnection connection, string id, string? viewer) =>
        (await ReadAsync(connection, $"{Select} WHERE u.id = @Id AND u.role = 'worker'", new { Id = id }, viewer)).SingleOrDefault()
        ?? throw new NotFoundException("No such worker.");
}

public static class UpdateWorkerProfile
{
    public sealed record Command : IRequest<WorkerProfile>
    {
        public string Bio { get; init; } = "";
        public IReadOnlyList<string>? Skills { get; init; }
        public string Region { get; init; } = "";
        public int WeeklyHours { get; init; }
        public string Availability { get; init; } = "";
        /// <summary>False for a worker paid as a company: no withholding tax applies.</summary>
        public bool IsIndividual { get; init; } = true;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Bio).NotNull().MaximumLength(2_000);
            RuleFor(c => c.Skills).Must(s => s is null || s.Count <= 30).WithMessage("At most 30 skills.").WithErrorCode("tooManySkills");
            RuleForEach(c => c.Skills).NotBlank("A skill cannot be empty.").MaximumLength(50);
            RuleFor(c => c.Region).NotBlank("Region is required.").MaximumLength(50);
            RuleFor(c => c.WeeklyHours).InclusiveBetween(0, 80);
            RuleFor(c => c.Availability).NotNull().MaximumLength(500);
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, WorkerProfile>
    {
        private static readonly string[] Columns = ["worker_id", "bio", "region", "weekly_hours", "availability", "updated_at"];

        public async Task<WorkerProfile> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "keep a worker profile");
            var skills = (command.Skills ?? []).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            await db.InTransactionAsync(async (connection, tx) =>
            {
                await connection.ExecuteAsync(db.Dialect.Upsert("worker_profiles", ["worker_id"], Columns),
                    new
                    {
                        worker_id = caller.Id, bio = command.Bio.Trim(), region = command.Region.Trim(), weekly_hours = command.WeeklyHours,
                        availability = command.Availability.Trim(), updated_at = clock.GetUtcNow(),
                    }, tx);
                await connection.ExecuteAsync("UPDATE users SET is_individual = @IsIndividual WHERE id = @Me",
                    new { command.IsIndividual, Me = caller.Id }, tx);
                await connection.ExecuteAsync("DELETE FROM worker_skills WHERE worker_id = @Me", new { Me = caller.Id }, tx);
                await connection.ExecuteAsync("INSERT INTO worker_skills (worker_id, skill) VALUES (@Me, @Skill)",
                    skills.Select(s => new { Me = caller.Id, Skill = s }), tx);
                return 0;
            }, ct);
            await using var read = await db.OpenAsync(ct);
            return await WorkerSql.GetAsync(read, caller.Id, caller.Id);
        }
    }
}

public static class GetWorker
{
    public sealed record Query(string Id) : IRequest<WorkerProfile>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, WorkerProfile>
    {
        public async Task<WorkerProfile> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            return await WorkerSql.GetAsync(connection, query.Id, caller.Id);
        }
    }
}

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
            RuleFor(q => q.Skill).MaximumLength(50);
            RuleFor(q => q.Region).MaximumLength(50);
            RuleFor(q => q.Cursor).ValidCursor();
        }
    }

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, Page<WorkerProfile>>
    {
        public async Task<Page<WorkerProfile>> Handle(Query query, CancellationToken ct)
        {
            if (caller.Role is not (Role.Business or Role.Producer))
                throw new ForbiddenException("Only businesses and producers search workers.");
            var limit = Paging.Clamp(query.Limit);
            await using var connection = await db.OpenAsync(ct);
            var workers = await WorkerSql.ReadAsync(connection,
                $"""
                {WorkerSql.Select}
                WHERE u.role = 'worker' AND p.worker_id IS NOT NULL
                  AND (@Region IS NULL OR p.region = @Region)
                  AND (@Skill IS NULL OR EXISTS (SELECT 1 FROM worker_skills s WHERE s.worker_id = u.id AND LOWER(s.skill) = LOWER(@Skill)))
                  AND (@After IS NULL OR u.id < @After)
                ORDER BY u.id DESC {db.Dialect.Limit("@Take")}
                """,
                new { Region = Blank(query.Region), Skill = Blank(query.Skill), After = Paging.Decode(query.Cursor), Take = limit + 1 });
            return Paging.From(workers, limit, w => w.WorkerId);
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

public static class WorkerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization().WithTags("Workers");
        group.MapPut("/me/worker-profile", (UpdateWorkerProfile.Command command, IMediator mediator) => mediator.Send(command))
            .WithName("UpdateWorkerProfile").ProducesValidationProblem().ProducesProblem(403);
        group.MapGet("/workers/{id}", (string id, IMediator mediator) => mediator.Send(new GetWorker.Query(id)))
            .WithName("GetWorker").ProducesProblem(404);
        group.MapGet("/workers", ([AsParameters] SearchWorkers.Query query, IMediator mediator) => mediator.Send(query))
            .WithName("SearchWorkers").ProducesValidationProblem().ProducesProblem(403);
    }
}
