using MediatR;
using Marketplace.Platform;

namespace Marketplace.Conversations;

/// <summary>
/// <c>GET /api/me/unread-messages</c>: messages of others the caller has not read, over all its contracts and the threads of
/// the teams it is in (the header's count), and each part apart, so that the menu shows each by the place it is read in
/// (contracts, teams).
/// </summary>
public static class CountUnreadMessages
{
    public sealed record Query : IRequest<Unread>;

    /// <summary>
    /// <c>UnreadMessages</c> is the sum of <c>InContracts</c> and <c>InTeams</c> (the header's count).
    /// <c>MessageNotices</c>: how many of the caller's unread notifications tell of these messages (at most one a thread),
    /// so that a count of everything unread can take each message once: a trial's phone menu counted two messages and
    /// their notice as three.
    /// </summary>
    public sealed record Unread(int UnreadMessages, int InContracts, int InTeams, int MessageNotices);

    /// <summary>On ix_notifications_unread: the caller's unread only.</summary>
    internal const string MessageNoticesSql = """
        SELECT COUNT(*) FROM notifications n
        WHERE n.user_id = @Me AND n.read_at IS NULL AND n.kind IN ('messageReceived', 'teamMessageReceived')
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Unread>
    {
        public async Task<Unread> Handle(Query query, CancellationToken ct)
        {
            var inContracts = await db.ExecuteScalarAsync<int>(
                """
                SELECT COUNT(*) FROM (
                    SELECT c.id FROM contracts c WHERE c.business_id = @Me
                    UNION ALL
                    SELECT c.id FROM contracts c WHERE c.worker_id = @Me
                    UNION ALL
                    SELECT c.id FROM producer_clients pc JOIN contracts c ON c.business_id = pc.business_id JOIN jobs j ON j.id = c.job_id
                    WHERE pc.producer_id = @Me AND j.producer_id = @Me
                ) mine
                JOIN messages m ON m.contract_id = mine.id
                LEFT JOIN message_reads r ON r.contract_id = mine.id AND r.user_id = @Me
                WHERE m.sender_id <> @Me AND m.id > COALESCE(r.up_to, '')
                """, new { Me = caller.Id });
            var inTeams = await db.ExecuteScalarAsync<int>(
                """
                SELECT COUNT(*) FROM team_members tm
                JOIN team_messages m ON m.team_id = tm.team_id
                LEFT JOIN team_message_reads r ON r.team_id = tm.team_id AND r.user_id = @Me
                WHERE tm.user_id = @Me AND tm.removed_at IS NULL AND m.sender_id <> @Me AND m.id > COALESCE(r.up_to, '')
                """, new { Me = caller.Id });
            var notices = await db.ExecuteScalarAsync<int>(MessageNoticesSql, new { Me = caller.Id });
            return new Unread(inContracts + inTeams, inContracts, inTeams, notices);
        }
    }

    public static void Map(IEndpointRouteBuilder conversations) =>
        conversations.MapGet("/me/unread-messages", (IMediator mediator) => mediator.Send(new Query())).WithName("CountUnreadMessages");
}
