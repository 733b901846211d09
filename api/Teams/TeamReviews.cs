using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>A piece of team work a member did: a completed team contract where it had approved tasks, and the business's rating.</summary>
public sealed record TeamWork
{
    public required string TeamId { get; init; }
    public required string TeamName { get; init; }
    public required string JobTitle { get; init; }
    public required int Tasks { get; init; }
    /// <summary>The business's rating of the contract, which reached each member with an approved task; null before it.</summary>
    public int? Rating { get; init; }
}

/// <summary>
/// The business's review of a team contract reaches the team and each member with an approved task (issue 23), and a
/// member's profile shows the team work it has done.
/// </summary>
public static class TeamReviews
{
    /// <summary>Spreads the business's review of a team contract (a no-op for a contract of one worker).</summary>
    public static async Task SpreadAsync(DbSession db, string contractId, int rating, string comment, DateTimeOffset now)
    {
        var args = new { ContractId = contractId, Rating = rating, Comment = comment, Now = now };
        await db.ExecuteAsync(
            """
            INSERT INTO team_reviews (contract_id, team_id, rating, comment, created_at)
            SELECT c.id, c.team_id, @Rating, @Comment, @Now FROM contracts c WHERE c.id = @ContractId AND c.team_id IS NOT NULL
            """, args);
        await db.ExecuteAsync(
            """
            INSERT INTO member_reviews (contract_id, member_id, team_id, rating, comment, created_at)
            SELECT c.id, m.assignee_id, c.team_id, @Rating, @Comment, @Now
            FROM contracts c JOIN (SELECT DISTINCT k.contract_id, k.assignee_id FROM tasks k WHERE k.status = 'approved') m ON m.contract_id = c.id
            WHERE c.id = @ContractId AND c.team_id IS NOT NULL AND m.assignee_id <> c.worker_id
            """, args);
    }

    private sealed class Row
    {
        public string TeamId { get; init; } = "";
        public string TeamName { get; init; } = "";
        public string ContractId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public int Tasks { get; init; }
        public int? Rating { get; init; }
    }

    /// <summary>The completed team contracts where the worker had approved tasks, newest first.</summary>
    public static async Task<IReadOnlyList<TeamWork>> OfAsync(DbSession db, string workerId) =>
        (await db.QueryAsync<Row>(
            """
            SELECT t.id AS team_id, t.name AS team_name, c.id AS contract_id, j.title AS job_title, COUNT(*) AS tasks,
                   (SELECT r.rating FROM member_reviews r WHERE r.contract_id = c.id AND r.member_id = @Id) AS rating
            FROM tasks k JOIN contracts c ON c.id = k.contract_id JOIN teams t ON t.id = k.team_id JOIN jobs j ON j.id = c.job_id
            WHERE k.assignee_id = @Id AND k.status = 'approved' AND c.status = 'completed'
            GROUP BY t.id, t.name, c.id, j.title
            """, new { Id = workerId }))
        .OrderByDescending(r => r.ContractId, StringComparer.Ordinal)
        .Select(r => new TeamWork { TeamId = r.TeamId, TeamName = r.TeamName, JobTitle = r.JobTitle, Tasks = r.Tasks, Rating = r.Rating })
        .ToList();
}
