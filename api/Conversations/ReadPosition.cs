using Marketplace.Platform;

namespace Marketplace.Conversations;

/// <summary>How far a person has read a thread; it only moves forward.</summary>
internal static class ReadPosition
{
    public static async Task MoveAsync(DbSession db, string contractId, string userId, string upTo)
    {
        var moved = await db.ExecuteAsync(
            "UPDATE message_reads SET up_to = @UpTo WHERE contract_id = @ContractId AND user_id = @UserId AND up_to < @UpTo",
            new { ContractId = contractId, UserId = userId, UpTo = upTo });
        if (moved == 0)
            await db.ExecuteAsync(
                """
                INSERT INTO message_reads (contract_id, user_id, up_to)
                SELECT @ContractId, @UserId, @UpTo
                WHERE NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.contract_id = @ContractId AND r.user_id = @UserId)
                """, new { ContractId = contractId, UserId = userId, UpTo = upTo });
    }
}
