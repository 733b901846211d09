using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>One line of a ledger transaction: yen into (+) or out of (−) an account.</summary>
public readonly record struct LedgerEntry(LedgerAccount Account, long Amount);

/// <summary>
/// The double-entry ledger in whole yen: append-only transactions (the database refuses UPDATE and DELETE), each of a
/// <see cref="LedgerEntryKind"/> and made of entries that sum to zero. An account's balance is the sum of its entries.
/// Escrow (<see cref="Escrow"/>) and payouts (Payouts/Payout.cs) are thin operations that post through it.
/// </summary>
public static class Ledger
{
    /// <summary>
    /// Posts one balanced transaction for a business event. The event key is unique in the database, so a retried
    /// event posts nothing the second time; the answer says whether this call posted. Lines of zero yen are left out,
    /// and a transaction of none is not posted.
    /// </summary>
    public static async Task<bool> PostAsync(DbSession db, LedgerEntryKind kind, string eventKey, string? contractId, string description,
        DateTimeOffset now, params LedgerEntry[] entries)
    {
        var lines = entries.Where(e => e.Amount != 0).ToArray();
        if (lines.Sum(e => e.Amount) != 0)
            throw new InvalidOperationException($"Ledger transaction {eventKey} does not balance.");
        if (lines.Length == 0) return false;
        var id = Wire.NewId();
        var inserted = await db.ExecuteAsync(
            """
            INSERT INTO ledger_transactions (id, event_key, kind, contract_id, description, created_at)
            SELECT @Id, @EventKey, @Kind, @ContractId, @Description, @Now
            WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions WHERE event_key = @EventKey)
            """,
            new { Id = id, EventKey = eventKey, Kind = Wire.Name(kind), ContractId = contractId, Description = description, Now = now });
        if (inserted == 0) return false;
        await db.ExecuteAsync(
            "INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at) VALUES (@Id, @TransactionId, @Account, @Amount, @Now)",
            lines.Select(l => new { Id = Wire.NewId(), TransactionId = id, Account = l.Account.Key, l.Amount, Now = now }));
        return true;
    }

    /// <summary>What the account holds now: the sum of its entries, on ix_ledger_entries_account.</summary>
    public static async Task<long> BalanceAsync(DbSession db, LedgerAccount account) =>
        await db.ExecuteScalarAsync<long?>("SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = @Account", new { Account = account.Key }) ?? 0;
}
