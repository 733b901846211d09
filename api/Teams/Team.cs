using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// Director: made the team or was handed it; represents the team in its contracts. Leader: may bid for the team and split
/// its orders into tasks like the director. Member: delivers the tasks given to it.
/// </summary>
public enum TeamRole { Director, Leader, Member }

/// <summary>A team's public face (<c>GET /api/teams/{id}</c>), for anyone signed in.</summary>
public sealed record Team
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Region { get; init; }
    public required IReadOnlyList<string> Skills { get; init; }
    public required string DirectorId { get; init; }
    public required string DirectorName { get; init; }
    public required IReadOnlyList<TeamMember> Members { get; init; }
    /// <summary>Team contracts whose work was accepted.</summary>
    public required int CompletedContracts { get; init; }
    /// <summary>The average of the businesses' reviews of the team's contracts; null before the first.</summary>
    public double? Rating { get; init; }
    public required int ReviewCount { get; init; }
    /// <summary>The caller's own role in the team; null when the caller is not in it.</summary>
    public TeamRole? MyRole { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed record TeamMember
{
    public required string UserId { get; init; }
    public required string DisplayName { get; init; }
    public required TeamRole Role { get; init; }
    public required DateTimeOffset JoinedAt { get; init; }
}

/// <summary>Reading a team and the caller's place in it: the one place that says who is in a team.</summary>
public static class Teams
{
    /// <summary>Skills are stored as one line, comma separated; shown as a list.</summary>
    public static IReadOnlyList<string> SkillsOf(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string StoreSkills(IEnumerable<string> skills) =>
        string.Join(",", skills.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct());

    /// <summary>The caller's role in the team while it is a member, or null (not a member, removed, or no such team).</summary>
    public static async Task<TeamRole?> RoleOfAsync(DbSession db, string teamId, string userId)
    {
        var role = await db.ExecuteScalarAsync<string?>(
            "SELECT m.role FROM team_members m WHERE m.team_id = @TeamId AND m.user_id = @UserId AND m.removed_at IS NULL",
            new { TeamId = teamId, UserId = userId });
        return WireName.TryParse<TeamRole>(role, out var parsed) ? parsed : null;
    }

    /// <summary>
    /// The director or a leader runs the team's orders (bids, tasks, the board); a plain member is refused (403), and
    /// anyone outside the team learns nothing (404).
    /// </summary>
    public static async Task<TeamRole> RequireRunnerAsync(DbSession db, string teamId, string userId, string what)
    {
        var role = await RoleOfAsync(db, teamId, userId) ?? throw new NotFoundException("No such team.");
        if (role == TeamRole.Member) throw new ForbiddenException($"Only the team's director or a leader may {what}.");
        return role;
    }

    /// <summary>Only the director (403 for the team's others, 404 for everyone else).</summary>
    public static async Task RequireDirectorAsync(DbSession db, string teamId, string userId, string what)
    {
        var role = await RoleOfAsync(db, teamId, userId) ?? throw new NotFoundException("No such team.");
        if (role != TeamRole.Director) throw new ForbiddenException($"Only the team's director may {what}.");
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public string Region { get; init; } = "";
        public string Skills { get; init; } = "";
        public string DirectorId { get; init; } = "";
        public string DirectorName { get; init; } = "";
        public int CompletedContracts { get; init; }
        public double? Rating { get; init; }
        public int ReviewCount { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>The director first, then the leaders, then the members, each in the order they joined (a team is small: sorted here).</summary>
    public static IReadOnlyList<TeamMember> InOrder(IEnumerable<TeamMember> members) =>
        members.OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId, StringComparer.Ordinal).ToList();

    /// <summary>The public face of a team, or null when there is none with this id.</summary>
    public static async Task<Team?> ReadAsync(DbSession db, string teamId, string callerId)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT t.id, t.name, t.description, t.region, t.skills, t.director_id, d.display_name AS director_name, t.created_at,
                   (SELECT COUNT(*) FROM contracts c WHERE c.team_id = t.id AND c.status = 'completed') AS completed_contracts,
                   (SELECT ROUND(AVG(r.rating * 1.0), 2) FROM team_reviews r WHERE r.team_id = t.id) AS rating,
                   (SELECT COUNT(*) FROM team_reviews r WHERE r.team_id = t.id) AS review_count
            FROM teams t JOIN users d ON d.id = t.director_id
            WHERE t.id = @Id
            """, new { Id = teamId });
        if (row is null) return null;
        var members = await db.QueryAsync<TeamMember>(
            """
            SELECT m.user_id, u.display_name, m.role, m.joined_at
            FROM team_members m JOIN users u ON u.id = m.user_id
            WHERE m.team_id = @Id AND m.removed_at IS NULL
            """, new { Id = teamId });
        return new Team
        {
            Id = row.Id, Name = row.Name, Description = row.Description, Region = row.Region, Skills = SkillsOf(row.Skills),
            DirectorId = row.DirectorId, DirectorName = row.DirectorName, Members = InOrder(members),
            CompletedContracts = row.CompletedContracts, Rating = row.Rating, ReviewCount = row.ReviewCount,
            MyRole = members.FirstOrDefault(m => m.UserId == callerId)?.Role, CreatedAt = row.CreatedAt,
        };
    }
}
