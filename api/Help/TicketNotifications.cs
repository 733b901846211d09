using Marketplace.Platform;

namespace Marketplace.Help;

/// <summary>
/// The ticket a question's notification is about, read from its event key: `ticket:{ticket}` when the question came,
/// `ticket-reply:{reply}` for each later message (the reply names its ticket). Notifications carry no ticket column, so
/// the list and the mail find the page to open this way, by primary key.
/// </summary>
public static class TicketNotifications
{
    private const string Asked = "ticket:", Replied = "ticket-reply:";

    private sealed class ReplyRow
    {
        public string Id { get; init; } = "";
        public string TicketId { get; init; } = "";
    }

    /// <summary>Each question's event key among <paramref name="eventKeys"/> with its ticket's id; other keys are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> TicketsOfAsync(DbSession db, IEnumerable<string?> eventKeys)
    {
        var tickets = new Dictionary<string, string>();
        var replies = new List<string>();
        foreach (var key in eventKeys.OfType<string>().Distinct())
        {
            if (key.StartsWith(Asked, StringComparison.Ordinal)) tickets[key] = key[Asked.Length..];
            else if (key.StartsWith(Replied, StringComparison.Ordinal)) replies.Add(key[Replied.Length..]);
        }
        if (replies.Count > 0)
            foreach (var reply in await db.QueryAsync<ReplyRow>("SELECT r.id, r.ticket_id FROM support_ticket_replies r WHERE r.id IN @Ids", new { Ids = replies }))
                tickets[Replied + reply.Id] = reply.TicketId;
        return tickets;
    }
}
