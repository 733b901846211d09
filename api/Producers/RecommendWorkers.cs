using System.ComponentModel.DataAnnotations;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.Producers;

public sealed record RecommendedWorker
{
    public required string WorkerId { get; init; }
    public required string DisplayName { get; init; }
    public required string Region { get; init; }
    public required int WeeklyHours { get; init; }
    public double? Rating { get; init; }
    public required int ReviewCount { get; init; }
    public required int ActiveContracts { get; init; }
    /// <summary>
    /// 0–110: skill 40, region 20, hours 15, rating 15, the badge the job names 20 (a beginner job's, e.g. RPA研修修了: the
    /// route from a town's course to a first job), minus 5 per active contract (at most 15).
    /// </summary>
    public required int Score { get; init; }
    /// <summary>Whether the worker lists a skill of the job's category; with RegionMatch, lets a client word the reasons in its own language.</summary>
    public required bool SkillMatch { get; init; }
    public required bool RegionMatch { get; init; }
    /// <summary>Whether the worker holds the badge the job names (<c>beginnerBadgeId</c>); false when it names none.</summary>
    public bool BadgeMatch { get; init; }
    /// <summary>Whether the worker has been invited to this job already (by anyone), so a page shows 招待済み after a reload.</summary>
    public bool Invited { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
}

/// <summary>
/// Ranks workers for a job in one SQL query, so the database does the work over every profile and only the
/// top rows come back: skill match to the category, same region, hours a week, rating, the badge the job names, and
/// current load. Workers who bid on the job already are left out: the list is whom to invite.
/// </summary>
public static class RecommendWorkers
{
    public sealed record Query(string JobId, int? Limit) : IRequest<IReadOnlyList<RecommendedWorker>>;

    /// <summary>How many workers a list shows (the default) and at most; a limit outside 1 to the most is taken as the nearest.</summary>
    internal const int DefaultLimit = 20;

    internal const int MaxLimit = 50;

    private sealed class Target
    {
        public JobCategory Category { get; init; }
        public string? Region { get; init; }
        public string? BadgeId { get; init; }
        public string? BadgeName { get; init; }
        public bool Runs { get; init; }
    }

    private sealed class Row
    {
        public string WorkerId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Region { get; init; } = "";
        public int WeeklyHours { get; init; }
        public double? Rating { get; init; }
        public int ReviewCount { get; init; }
        public int ActiveContracts { get; init; }
        public int SkillMatch { get; init; }
        public int BadgeMatch { get; init; }
        public int Score { get; init; }
        public int Invited { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<RecommendedWorker>>
    {
        public async Task<IReadOnlyList<RecommendedWorker>> Handle(Query query, CancellationToken ct)
        {
            var job = await db.QuerySingleOrDefaultAsync<Target>(
                """
                SELECT j.category, j.region, j.beginner_badge_id AS badge_id, b.name AS badge_name,
                       CASE WHEN EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me AND a.relation IN ('business', 'producer')) THEN 1 ELSE 0 END AS runs
                FROM jobs j LEFT JOIN badges b ON b.id = j.beginner_badge_id
                WHERE j.id = @JobId AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { query.JobId, Me = caller.Id })
                ?? throw new NotFoundException("No such job.");
            if (!job.Runs) throw new ForbiddenException("Only the job's business or its producer sees recommendations.");
            var rows = await db.QueryAsync<Row>(
                """
                SELECT s.*, (s.skill_match * 40 + s.badge_match * 20 + CASE WHEN s.region = @Region THEN 20 ELSE 0 END
                             + (CASE WHEN s.weekly_hours >= 20 THEN 20 ELSE s.weekly_hours END) * 15 / 20
                             + CASE WHEN s.rating IS NULL THEN 7 ELSE CAST(s.rating * 3 AS INTEGER) END
                             - CASE WHEN s.active_contracts >= 3 THEN 15 ELSE s.active_contracts * 5 END) AS score
                FROM (
                    SELECT p.worker_id, u.display_name, p.region, p.weekly_hours,
                           r.rating, COALESCE(r.review_count, 0) AS review_count, COALESCE(l.active_contracts, 0) AS active_contracts,
                           CASE WHEN EXISTS (SELECT 1 FROM worker_skills k WHERE k.worker_id = p.worker_id AND LOWER(k.skill) IN @Words)
                                THEN 1 ELSE 0 END AS skill_match,
                           CASE WHEN EXISTS (SELECT 1 FROM worker_badges wb WHERE wb.worker_id = p.worker_id AND wb.badge_id = @BadgeId)
                                THEN 1 ELSE 0 END AS badge_match,
                           CASE WHEN EXISTS (SELECT 1 FROM invitations i WHERE i.job_id = @JobId AND i.worker_id = p.worker_id)
                                THEN 1 ELSE 0 END AS invited
                    FROM worker_profiles p
                    JOIN users u ON u.id = p.worker_id
                    LEFT JOIN (SELECT reviewee_id, AVG(rating * 1.0) AS rating, COUNT(*) AS review_count FROM reviews GROUP BY reviewee_id) r
                           ON r.reviewee_id = p.worker_id
                    LEFT JOIN (SELECT lc.worker_id, COUNT(*) AS active_contracts FROM contracts lc
                               WHERE lc.status IN ('active', 'inReview', 'submitted', 'revisionRequested') GROUP BY lc.worker_id) l
                           ON l.worker_id = p.worker_id
                    -- Whoever bid on the job already (for itself or for its team) is among the bids, not someone to invite.
                    WHERE NOT EXISTS (SELECT 1 FROM bids b WHERE b.job_id = @JobId AND b.worker_id = p.worker_id)
                ) s
                ORDER BY score DESC, s.worker_id DESC
                LIMIT @Take
                """,
                new { query.JobId, Region = job.Region ?? "", job.BadgeId, Words = SkillWords.OfCategory(job.Category),
                      Take = Math.Clamp(query.Limit ?? DefaultLimit, 1, MaxLimit) });
            return rows.Select(r => new RecommendedWorker
            {
                WorkerId = r.WorkerId, DisplayName = r.DisplayName, Region = r.Region, WeeklyHours = r.WeeklyHours,
                Rating = r.Rating is null ? null : Math.Round(r.Rating.Value, 2), ReviewCount = r.ReviewCount,
                ActiveContracts = r.ActiveContracts, Score = Math.Max(0, r.Score), Reasons = Reasons(r, job),
                SkillMatch = r.SkillMatch == 1, BadgeMatch = r.BadgeMatch == 1, Invited = r.Invited == 1, RegionMatch = job.Region is not null && r.Region == job.Region,
            }).ToList();
        }

        private static List<string> Reasons(Row r, Target job)
        {
            var reasons = new List<string>();
            reasons.Add(r.SkillMatch == 1 ? $"Has {WireName.Of(job.Category)} skills" : $"No {WireName.Of(job.Category)} skill listed");
            if (job.Region is not null && r.Region == job.Region) reasons.Add($"Lives in the job's region ({r.Region})");
            if (r.BadgeMatch == 1) reasons.Add($"Holds the badge the job names ({job.BadgeName})");
            reasons.Add($"Can give {r.WeeklyHours} hours a week");
            reasons.Add(r.Rating is null ? "No reviews yet" : $"Rated {r.Rating:0.0} from {r.ReviewCount} review(s)");
            if (r.ActiveContracts > 0) reasons.Add($"Busy with {r.ActiveContracts} active contract(s)");
            return reasons;
        }
    }

    public static void Map(IEndpointRouteBuilder producers) =>
        producers.MapGet("/jobs/{id}/recommended-workers", (string id, [Range(1, MaxLimit)] int? limit, IMediator mediator) => mediator.Send(new Query(id, limit)))
            .WithName("RecommendWorkers").ProducesProblem(403).ProducesProblem(404);
}
