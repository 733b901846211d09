using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// The notice a <c>programmeNotice</c> notification is about, read from its event key (<c>notice:{id}</c>), as a question's
/// ticket is (Help/TicketNotifications.cs): notifications carry no notice column, so the list and the mail find the
/// notice's title, text and programme this way, by primary key. A trial found the notification saying only that the
/// office had written, and the mail carrying neither the title nor the text.
/// </summary>
public static class NoticeNotifications
{
    private const string Prefix = "notice:";

    /// <summary>The event key of the notification of notice <paramref name="noticeId"/>.</summary>
    public static string EventKey(string noticeId) => Prefix + noticeId;

    public sealed class Told
    {
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public string ProgrammeName { get; init; } = "";
    }

    /// <summary>Each notice's event key among <paramref name="eventKeys"/> with its notice; other keys are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, Told>> NoticesOfAsync(DbSession db, IEnumerable<string?> eventKeys)
    {
        var ids = eventKeys.OfType<string>().Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).Select(k => k[Prefix.Length..]).Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<string, Told>();
        var notices = await db.QueryAsync<Told>(
            """
            SELECT n.id, n.title, n.body, p.name AS programme_name
            FROM programme_notices n JOIN programmes p ON p.id = n.programme_id
            WHERE n.id IN @Ids
            """, new { Ids = ids });
        return notices.ToDictionary(n => EventKey(n.Id));
    }

    /// <summary>The page a member reads the notice on: its programme's page, at the notice (the card's id).</summary>
    public static string PageOf(string noticeId) => $"/programmes#notice-{noticeId}";
}
