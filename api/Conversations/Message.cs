using Marketplace.Files;

namespace Marketplace.Conversations;

/// <summary>One message of a contract's thread.</summary>
public sealed record Message
{
    public required string Id { get; init; }
    public required string SenderId { get; init; }
    public required string SenderName { get; init; }
    public required string Body { get; init; }
    public required IReadOnlyList<StoredFile> Files { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A page of a thread, with how far the caller has read it (the id of the newest message it has seen).</summary>
public sealed record MessagePage(IReadOnlyList<Message> Items, string? NextCursor, string? ReadUpTo, int UnreadMessages);
