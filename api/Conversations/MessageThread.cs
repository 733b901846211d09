using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Conversations;

/// <summary>
/// Reading a thread a page at a time, the one step of a contract's thread (<see cref="ListMessages"/>) and a team's own
/// thread (Teams' ListTeamMessages): keyset pages oldest first or newest first, each message with its files, and the
/// reader's read position and unread count. The threads live in different tables, so each listing names its own
/// statements beside its handler; this step only runs them, after the listing has checked who may read the thread.
/// </summary>
internal static class MessageThread
{
    /// <summary>
    /// A thread's statements, each keyed by the thread's id (@Id) and the reader (@Me). The pages select id, sender_id,
    /// sender_name, body and created_at, after (oldest first) or before (newest first) @After, at most @Take.
    /// </summary>
    internal sealed record Statements(string OldestFirst, string NewestFirst, string ReadUpTo, string Unread, AttachTo Files);

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string SenderId { get; init; } = "";
        public string SenderName { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    public static async Task<MessagePage> PageAsync(DbSession db, Statements thread, string threadId, string me, string? cursor, int? limit, bool newestFirst)
    {
        var take = Paging.Clamp(limit);
        var rows = await db.QueryAsync<Row>(newestFirst ? thread.NewestFirst : thread.OldestFirst,
            new { Id = threadId, After = newestFirst ? Paging.After(cursor) : Paging.Decode(cursor) ?? "", Take = take + 1 });
        var page = Paging.From(rows, take, r => r.Id);
        var files = await Attachments.OfAsync(db, thread.Files, page.Items.Select(r => r.Id).ToList());
        var readUpTo = await db.ExecuteScalarAsync<string?>(thread.ReadUpTo, new { Id = threadId, Me = me });
        var unread = await db.ExecuteScalarAsync<int>(thread.Unread, new { Id = threadId, Me = me });
        return new MessagePage(
            page.Items.Select(r => new Message
            {
                Id = r.Id, SenderId = r.SenderId, SenderName = r.SenderName, Body = r.Body, Files = files[r.Id].ToList(), CreatedAt = r.CreatedAt,
            }).ToList(),
            page.NextCursor, readUpTo, unread);
    }
}
