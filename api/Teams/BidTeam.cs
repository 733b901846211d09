using Marketplace.Bids;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>The team of a team bid, as the business sees it: its name, its director and its members.</summary>
public sealed record BidTeam
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string DirectorName { get; init; }
    public required IReadOnlyList<TeamMember> Members { get; init; }

    private sealed class Row
    {
        public string BidId { get; init; } = "";
        public string TeamId { get; init; } = "";
        public string TeamName { get; init; } = "";
        public string DirectorName { get; init; } = "";
    }

    private sealed class MemberRow
    {
        public string TeamId { get; init; } = "";
        public string UserId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public TeamRole Role { get; init; }
        public DateTimeOffset JoinedAt { get; init; }
    }

    /// <summary>The bids with the team of each team bid filled in (two queries for the whole list).</summary>
    public static async Task<IReadOnlyList<Bid>> OnAsync(DbSession db, IReadOnlyList<Bid> bids)
    {
        if (bids.Count == 0) return bids;
        var jobIds = bids.Select(b => b.JobId).Distinct().ToArray();
        var rows = (await db.QueryAsync<Row>(
            """
            SELECT b.id AS bid_id, t.id AS team_id, t.name AS team_name, d.display_name AS director_name
            FROM bids b JOIN teams t ON t.id = b.team_id JOIN users d ON d.id = t.director_id
            WHERE b.job_id IN @JobIds
            """, new { JobIds = jobIds })).ToDictionary(r => r.BidId);
        if (rows.Count == 0) return bids;
        var members = (await db.QueryAsync<MemberRow>(
            """
            SELECT m.team_id, m.user_id, u.display_name, m.role, m.joined_at
            FROM team_members m JOIN users u ON u.id = m.user_id
            WHERE m.team_id IN @TeamIds AND m.removed_at IS NULL
            """, new { TeamIds = rows.Values.Select(r => r.TeamId).Distinct().ToArray() })).ToLookup(m => m.TeamId);
        return bids.Select(b => rows.TryGetValue(b.Id, out var r)
            ? b with
            {
                Team = new BidTeam
                {
                    Id = r.TeamId, Name = r.TeamName, DirectorName = r.DirectorName,
                    Members = Teams.InOrder(members[r.TeamId].Select(m => new TeamMember { UserId = m.UserId, DisplayName = m.DisplayName, Role = m.Role, JoinedAt = m.JoinedAt })),
                },
            }
            : b).ToList();
    }
}
