using Marketplace.Contracts;
using Marketplace.Files;
using Marketplace.Platform;

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

/// <summary>Who takes part in a contract's thread.</summary>
internal static class Thread
{
    /// <summary>
    /// The contract's business, its worker, and the producer of the job (while it acts for the business: ForPartyAsync
    /// found it a party). Anyone else, other producers of the business included, is told the contract does not exist.
    /// </summary>
    public static async Task<Contract> ForMemberAsync(DbSession db, string contractId, Caller caller)
    {
        var contract = await Contract.ForPartyAsync(db, contractId, caller);
        if (caller.Id != contract.BusinessId && caller.Id != contract.WorkerId && caller.Id != contract.ProducerId)
            throw new NotFoundException("No such contract.");
        return contract;
    }

    /// <summary>The thread's members other than <paramref name="except"/>.</summary>
    public static IEnumerable<string> Others(Contract contract, string except) =>
        new[] { contract.BusinessId, contract.WorkerId, contract.ProducerId }.OfType<string>().Distinct().Where(id => id != except);

    /// <summary>Messages of others the caller has not read, on one contract.</summary>
    public const string UnreadSql = """
        SELECT COUNT(*) FROM messages m
        WHERE m.contract_id = @Id AND m.sender_id <> @Me
          AND m.id > COALESCE((SELECT r.up_to FROM message_reads r WHERE r.contract_id = @Id AND r.user_id = @Me), '')
        """;
}
