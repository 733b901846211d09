using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>GET /api/teams?q=&amp;region=</c>: team search beside worker search, by words in the name, description or skills and
/// by region; the teams with the most completed contracts first.
/// </summary>
public static class SearchTeams
{
    public const int MaxResults = 50;

    public sealed record Query : IRequest<IReadOnlyList<TeamSummary>>
    {
        public string? Q { get; init; }
        public string? Region { get; init; }
    }

    public sealed record TeamSummary
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required string Region { get; init; }
        public required IReadOnlyList<string> Skills { get; init; }
        public required string DirectorName { get; init; }
        public required int MemberCount { get; init; }
        public required int CompletedContracts { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).PlainText().MaximumLength(100);
            RuleFor(q => q.Region).PlainText().MaximumLength(100);
        }
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Region { get; init; } = "";
        public string Skills { get; init; } = "";
        public string DirectorName { get; init; } = "";
        public int MemberCount { get; init; }
        public int CompletedContracts { get; init; }
    }

    public sealed class Handler(DbSession db) : IRequestHandler<Query, IReadOnlyList<TeamSummary>>
    {
        public async Task<IReadOnlyList<TeamSummary>> Handle(Query query, CancellationToken ct)
        {
            var words = string.IsNullOrWhiteSpace(query.Q) ? null : "%" + Escape(query.Q.Trim().ToLowerInvariant()) + "%";
            var region = string.IsNullOrWhiteSpace(query.Region) ? null : "%" + Escape(query.Region.Trim().ToLowerInvariant()) + "%";
            var rows = await db.QueryAsync<Row>(
                """
                SELECT t.id, t.name, t.region, t.skills, d.display_name AS director_name,
                       (SELECT COUNT(*) FROM team_members m WHERE m.team_id = t.id AND m.removed_at IS NULL) AS member_count,
                       (SELECT COUNT(*) FROM contracts c WHERE c.team_id = t.id AND c.status = 'completed') AS completed_contracts
                FROM teams t JOIN users d ON d.id = t.director_id
                WHERE (@Words IS NULL OR LOWER(t.name) LIKE @Words ESCAPE '\' OR LOWER(t.description) LIKE @Words ESCAPE '\'
                       OR LOWER(t.skills) LIKE @Words ESCAPE '\')
                  AND (@Region IS NULL OR LOWER(t.region) LIKE @Region ESCAPE '\')
                """, new { Words = words, Region = region });
            // Ranked here: teams are few beside jobs and workers (no index orders by a count).
            return rows.OrderByDescending(r => r.CompletedContracts).ThenByDescending(r => r.Id, StringComparer.Ordinal).Take(MaxResults).Select(r => new TeamSummary
            {
                Id = r.Id, Name = r.Name, Region = r.Region, Skills = Teams.SkillsOf(r.Skills), DirectorName = r.DirectorName,
                MemberCount = r.MemberCount, CompletedContracts = r.CompletedContracts,
            }).ToList();
        }
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/teams", ([Microsoft.AspNetCore.Http.AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("SearchTeams").ProducesValidationProblem();
}
