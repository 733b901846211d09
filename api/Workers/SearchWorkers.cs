using FluentValidation;
using MediatR;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.Workers;

/// <summary>
/// Businesses and producers look for workers: by words over the profiles, by region and by one exact skill
/// (<see cref="WorkerSearch"/>) and by a badge a programme's course grants; without words or a region, every profile with
/// the skill and the badge, newest first.
/// </summary>
public static class SearchWorkers
{
    public sealed record Query : IRequest<Page<WorkerProfile>>
    {
        /// <summary>Words to find in the bio, skills or region (Japanese by character bigrams, as the job search).</summary>
        public string? Q { get; init; }
        /// <summary>One skill, exactly (case-insensitive in ASCII).</summary>
        public string? Skill { get; init; }
        /// <summary>A region or its beginning: 秋田県 finds 秋田県湯沢市.</summary>
        public string? Region { get; init; }
        /// <summary>A badge's id (<c>GET /api/badges</c>): only workers who hold it, e.g. who completed a town's RPA course.</summary>
        public string? Badge { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).SearchWords();
            RuleFor(q => q.Skill).PlainText().MaximumLength(50);
            RuleFor(q => q.Region).PlainText().MaximumLength(50);
            RuleFor(q => q.Badge).PlainText().MaximumLength(32);
            RuleFor(q => q.Cursor).PlainText()
                .Must(c => string.IsNullOrEmpty(c) || Paging.Decode(c) is not null || SearchCursor.Decode(c) is WindowCursor or OlderCursor)
                .WithMessage("The cursor is not one this API issued.");
        }
    }

    /// <summary>Workers with a profile, newest first, on worker_profiles' key.</summary>
    internal const string Everyone = $"""
        SELECT w.* FROM worker_profiles p JOIN worker_details w ON w.worker_id = p.worker_id
        WHERE p.worker_id < @After AND {WorkerSearch.Filters}
        ORDER BY p.worker_id DESC LIMIT @Take
        """;

    internal const string ByIds = "SELECT w.* FROM worker_details w WHERE w.worker_id IN @Ids";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<WorkerProfile>>
    {
        public async Task<Page<WorkerProfile>> Handle(Query query, CancellationToken ct)
        {
            if (caller.Role is not (Role.Business or Role.Producer))
                throw new ForbiddenException("Only businesses and producers search workers.");
            var limit = Paging.Clamp(query.Limit);
            var skill = string.IsNullOrWhiteSpace(query.Skill) ? null : query.Skill.Trim();
            var words = SearchText.Phrases(query.Q);
            var regionKey = SearchText.RegionKey(query.Region);
            var badge = string.IsNullOrWhiteSpace(query.Badge) ? null : query.Badge.Trim();
            if (words.Count == 0 && regionKey.Length == 0)
            {
                var everyone = await WorkerProfile.ReadAsync(db, Everyone,
                    new { Skill = skill, Skills = WorkerSearch.Words(skill), Badge = badge, After = Paging.After(query.Cursor), Take = limit + 1 }, caller.Id);
                return Paging.From(everyone, limit, w => w.WorkerId);
            }
            var found = await WorkerSearch.FindAsync(db, words, regionKey, skill, badge, query.Cursor, limit);
            return new Page<WorkerProfile>(await InOrder(found.Items), found.NextCursor);
        }

        private async Task<List<WorkerProfile>> InOrder(IReadOnlyList<string> ids)
        {
            if (ids.Count == 0) return [];
            var byId = (await WorkerProfile.ReadAsync(db, ByIds, new { Ids = ids }, caller.Id)).ToDictionary(w => w.WorkerId);
            return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder workers) =>
        workers.MapGet("/workers", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("SearchWorkers").ProducesValidationProblem().ProducesProblem(403);
}
