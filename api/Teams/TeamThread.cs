using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// A team's own thread: its director, leaders and members (not removed ones) talk apart from any contract's thread, which
/// the business reads. Anyone else — a removed member, another team's member, a stranger — is told the team's thread does
/// not exist (404).
/// </summary>
internal static class TeamThread
{
    public static async Task RequireMemberAsync(DbSession db, string teamId, string callerId)
    {
        if (await Teams.RoleOfAsync(db, teamId, callerId) is null) throw new NotFoundException("No such team.");
    }

    /// <summary>Messages of others the caller has not read in the team's thread (@Id), after its read position, on ix_team_messages_team.</summary>
    internal const string UnreadSql = """
        SELECT COUNT(*) FROM team_messages m
        WHERE m.team_id = @Id AND m.sender_id <> @Me
          AND m.id > COALESCE((SELECT r.up_to FROM team_message_reads r WHERE r.team_id = @Id AND r.user_id = @Me), '')
        """;

    /// <summary>How far a member has read the team's thread; it only moves forward (as a contract thread's read position).</summary>
    public static async Task MoveReadPositionAsync(DbSession db, string teamId, string userId, string upTo)
    {
        var moved = await db.ExecuteAsync(
            "UPDATE team_message_reads SET up_to = @UpTo WHERE team_id = @TeamId AND user_id = @UserId AND up_to < @UpTo",
            new { TeamId = teamId, UserId = userId, UpTo = upTo });
        if (moved == 0)
            await db.ExecuteAsync(
                """
                INSERT INTO team_message_reads (team_id, user_id, up_to)
                SELECT @TeamId, @UserId, @UpTo
                WHERE NOT EXISTS (SELECT 1 FROM team_message_reads r WHERE r.team_id = @TeamId AND r.user_id = @UserId)
                """, new { TeamId = teamId, UserId = userId, UpTo = upTo });
    }
}
