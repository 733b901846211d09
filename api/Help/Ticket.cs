using Marketplace.Platform;

namespace Marketplace.Help;

/// <summary>open (the office owes an answer) → answered (it replied) → open again when the person writes back.</summary>
public enum TicketStatus { Open, Answered }

/// <summary>A question to the office, as lists show it.</summary>
public sealed record TicketSummary
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string UserName { get; init; }
    public required Role UserRole { get; init; }
    public required string Subject { get; init; }
    public required TicketStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the latest reply was written, by either side; null before the first.</summary>
    public DateTimeOffset? LastReplyAt { get; init; }
}

/// <summary>One message after the question: the office's answer, or the person writing again.</summary>
public sealed record TicketReply
{
    public required string Id { get; init; }
    public required string AuthorName { get; init; }
    /// <summary>Written by an administrator for the office (the person sees "事務局", not who).</summary>
    public required bool FromOffice { get; init; }
    public required string Body { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A ticket with its question and every reply, oldest first.</summary>
public sealed record TicketDetail
{
    public required TicketSummary Ticket { get; init; }
    public required string Body { get; init; }
    public required IReadOnlyList<TicketReply> Replies { get; init; }
}

internal static class Tickets
{
    /// <summary>A subject is a line; a question or an answer at most this long.</summary>
    public const int SubjectMax = 200;
    public const int BodyMax = 5_000;

    /// <summary>What a summary reads, after SELECT: the ticket and who asked.</summary>
    internal const string Summary = """
        t.id, t.user_id, u.display_name AS user_name, u.role AS user_role, t.subject, t.status, t.created_at, t.last_reply_at
        FROM support_tickets t JOIN users u ON u.id = t.user_id
        """;

    /// <summary>
    /// The ticket as the caller may see it: its author, and every administrator (enrolled in two-step sign-in); to anyone
    /// else it does not exist (404, as for an unknown id).
    /// </summary>
    public static async Task<TicketSummary> VisibleAsync(DbSession db, Caller caller, string id)
    {
        if (caller.Role == Role.Administrator)
        {
            await caller.RequireAdministratorAsync(db, "read the office's tickets");
            return await db.QuerySingleOrDefaultAsync<TicketSummary>("SELECT " + Summary + " WHERE t.id = @Id", new { Id = id })
                ?? throw new NotFoundException("No such ticket.");
        }
        return await db.QuerySingleOrDefaultAsync<TicketSummary>("SELECT " + Summary + " WHERE t.id = @Id AND t.user_id = @Me", new { Id = id, Me = caller.Id })
            ?? throw new NotFoundException("No such ticket.");
    }
}
