namespace Marketplace.Teams;

public enum TeamInvitationStatus { Pending, Accepted, Declined }

/// <summary>An invitation to join a team, by e-mail address; the person signed in with that address answers it.</summary>
public sealed record TeamInvitation
{
    public required string Id { get; init; }
    public required string TeamId { get; init; }
    public required string TeamName { get; init; }
    public required string Email { get; init; }
    /// <summary>leader or member.</summary>
    public required TeamRole Role { get; init; }
    public required string InvitedByName { get; init; }
    public required TeamInvitationStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }

    internal const string ByIdSql = """
        SELECT i.id, i.team_id, t.name AS team_name, i.email, i.role, u.display_name AS invited_by_name, i.status, i.created_at, i.answered_at
        FROM team_invitations i JOIN teams t ON t.id = i.team_id JOIN users u ON u.id = i.invited_by
        WHERE i.id = @Id
        """;
}
