using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// The team a team message's notification is about, read from its event key (`team-message:{message}`): notifications
/// carry no team column, so the list finds the team's page and name this way, by primary key, as a question's
/// notification finds its ticket (Help/TicketNotifications).
/// </summary>
public static class TeamMessageNotifications
{
    private const string Prefix = "team-message:";

    public sealed record TeamOf(string TeamId, string TeamName);

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string TeamId { get; init; } = "";
        public string Name { get; init; } = "";
    }

    /// <summary>Each team message's event key among <paramref name="eventKeys"/> with its team; other keys are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, TeamOf>> TeamsOfAsync(DbSession db, IEnumerable<string?> eventKeys)
    {
        var messages = eventKeys.OfType<string>().Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).Select(k => k[Prefix.Length..]).Distinct().ToList();
        if (messages.Count == 0) return new Dictionary<string, TeamOf>();
        var rows = await db.QueryAsync<Row>(
            "SELECT m.id, m.team_id, t.name FROM team_messages m JOIN teams t ON t.id = m.team_id WHERE m.id IN @Ids", new { Ids = messages });
        return rows.ToDictionary(r => Prefix + r.Id, r => new TeamOf(r.TeamId, r.Name));
    }
}
