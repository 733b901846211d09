using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// The double-entry ledger in whole yen: append-only transactions (the database refuses UPDATE and DELETE), each of a
/// <see cref="LedgerEntryKind"/> and made of entries that sum to zero. An account's balance is the sum of its entries.
/// Escrow (<see cref="Escrow"/>) and payouts (Payouts/Payout.cs) are thin operations that post through it. Its
/// vocabulary follows in this file: an entry, the kinds of transaction, and the accounts.
/// </summary>
public static class Ledger
{
    /// <summary>
    /// Posts one balanced transaction for a business event. The event key is unique in the database, so a retried
    /// event posts nothing the second time; the answer says whether this call posted. Lines of zero yen are left out,
    /// and a transaction of none is not posted.
    /// </summary>
    public static Task<bool> PostAsync(DbSession db, LedgerEntryKind kind, string eventKey, string? contractId, string description,
        DateTimeOffset now, params LedgerEntry[] entries) =>
        PostAsync(db, kind, eventKey, contractId, jobId: null, description, now, entries);

    /// <summary>
    /// As <see cref="PostAsync(DbSession, LedgerEntryKind, string, string?, string, DateTimeOffset, LedgerEntry[])"/>, for
    /// a job's own escrow (a task job's, a contest's): the transaction names the job, which a statement shows.
    /// </summary>
    public static Task<bool> PostForJobAsync(DbSession db, LedgerEntryKind kind, string eventKey, string jobId, string description,
        DateTimeOffset now, params LedgerEntry[] entries) =>
        PostAsync(db, kind, eventKey, contractId: null, jobId, description, now, entries);

    private static async Task<bool> PostAsync(DbSession db, LedgerEntryKind kind, string eventKey, string? contractId, string? jobId,
        string description, DateTimeOffset now, LedgerEntry[] entries)
    {
        var lines = entries.Where(e => e.Amount != 0).ToArray();
        if (lines.Sum(e => e.Amount) != 0)
            throw new InvalidOperationException($"Ledger transaction {eventKey} does not balance.");
        if (lines.Length == 0) return false;
        var id = TimeOrderedId.New();
        var inserted = await db.ExecuteAsync(
            """
            INSERT INTO ledger_transactions (id, event_key, kind, contract_id, job_id, description, created_at)
            SELECT @Id, @EventKey, @Kind, @ContractId, @JobId, @Description, @Now
            WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions WHERE event_key = @EventKey)
            """,
            new { Id = id, EventKey = eventKey, Kind = WireName.Of(kind), ContractId = contractId, JobId = jobId, Description = description, Now = now });
        if (inserted == 0) return false;
        await db.ExecuteAsync(
            "INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at) VALUES (@Id, @TransactionId, @Account, @Amount, @Now)",
            lines.Select(l => new { Id = TimeOrderedId.New(), TransactionId = id, Account = l.Account.Key, l.Amount, Now = now }));
        return true;
    }

    /// <summary>What the account holds now: the sum of its entries, on ix_ledger_entries_account.</summary>
    public static async Task<long> BalanceAsync(DbSession db, LedgerAccount account) =>
        await db.ExecuteScalarAsync<long?>("SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = @Account", new { Account = account.Key }) ?? 0;
}

/// <summary>One line of a ledger transaction: yen into (+) or out of (−) an account.</summary>
public readonly record struct LedgerEntry(LedgerAccount Account, long Amount);

/// <summary>
/// What a ledger transaction was, stored with it in <c>ledger_transactions.kind</c> (a CHECK lists these words) and
/// shown as the kind of each of its entries on a statement, so that a client words it in its reader's language (the
/// description stays English, for integrations; the CSV words the kind too). The type keeps the name the API's schema
/// has always given it (<c>Money.LedgerEntryKind</c>). Settled: a cancellation or a decision ended the contract and
/// the worker was paid a share. WithholdingReturned: tax withheld that the platform held (in the escrow of a contract
/// funded before 0023, or in the business's withholding account) went back to the business, which remits it itself.
/// </summary>
public enum LedgerEntryKind
{
    EscrowFunded, EscrowReleased, EscrowSettled, EscrowRefunded, EscrowPartlyRefunded, PayoutGathered, PayoutPaid, PayoutReturned,
    WithholdingReturned,
}

/// <summary>Whose an account of the ledger is.</summary>
public enum AccountOwner
{
    Business, Worker, Producer,
    /// <summary>A contract's escrow: the business's money held until the contract closes.</summary>
    Escrow,
    /// <summary>
    /// A job's escrow (a task job's or a contest's): the business's money paid in when the job was posted, before any
    /// contract exists, held until the job pays its workers or its winner and gives the rest back.
    /// </summary>
    JobEscrow,
    /// <summary>
    /// Income tax withheld from a business's payments, credited here by releases before migration 0023 and moved back
    /// to the business by it; nothing posts to it now (the business remits the tax itself, <see cref="Split"/>).
    /// </summary>
    Withholding,
    /// <summary>The operator's fees.</summary>
    Platform,
    /// <summary>Payouts gathered into a batch and not yet transferred by the bank.</summary>
    PayoutsInTransit,
    /// <summary>The operator's bank account the transfers leave from: its balance is what the bank has paid out.</summary>
    OperatorBank,
    /// <summary>What the operator's bank charged for transfers.</summary>
    BankFees,
}

/// <summary>
/// An account of the ledger: the kind of its owner and, for an account held per person or per contract, the owner's id.
/// Its balance is the sum of its entries. <see cref="Key"/> is how the ledger stores it ('worker:&lt;id&gt;',
/// 'escrow:&lt;contractId&gt;', 'platform'…), the spelling it has always had, so that entries written before this type read
/// as the same accounts.
/// </summary>
public readonly record struct LedgerAccount
{
    public AccountOwner Owner { get; }
    /// <summary>The person's, the contract's or the job's id; null for the operator's own accounts.</summary>
    public string? OwnerId { get; }

    private LedgerAccount(AccountOwner owner, string? ownerId) => (Owner, OwnerId) = (owner, ownerId);

    public static LedgerAccount Business(string id) => new(AccountOwner.Business, id);
    public static LedgerAccount Worker(string id) => new(AccountOwner.Worker, id);
    public static LedgerAccount Producer(string id) => new(AccountOwner.Producer, id);
    public static LedgerAccount Escrow(string contractId) => new(AccountOwner.Escrow, contractId);
    public static LedgerAccount JobEscrow(string jobId) => new(AccountOwner.JobEscrow, jobId);
    public static LedgerAccount Withholding(string businessId) => new(AccountOwner.Withholding, businessId);
    public static readonly LedgerAccount Platform = new(AccountOwner.Platform, null);
    public static readonly LedgerAccount PayoutsInTransit = new(AccountOwner.PayoutsInTransit, null);
    public static readonly LedgerAccount OperatorBank = new(AccountOwner.OperatorBank, null);
    public static readonly LedgerAccount BankFees = new(AccountOwner.BankFees, null);

    /// <summary>The account a user of the role holds: a business's, a worker's or a producer's own.</summary>
    public static LedgerAccount Of(Role role, string id) => role switch
    {
        Role.Business => Business(id),
        Role.Worker => Worker(id),
        Role.Producer => Producer(id),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Only businesses, workers and producers hold accounts."),
    };

    /// <summary>The account as the ledger stores it in <c>ledger_entries.account</c>.</summary>
    public string Key => Owner switch
    {
        AccountOwner.Business => $"business:{OwnerId}",
        AccountOwner.Worker => $"worker:{OwnerId}",
        AccountOwner.Producer => $"producer:{OwnerId}",
        AccountOwner.Escrow => $"escrow:{OwnerId}",
        AccountOwner.JobEscrow => $"job-escrow:{OwnerId}",
        AccountOwner.Withholding => $"withholding:{OwnerId}",
        AccountOwner.Platform => "platform",
        AccountOwner.PayoutsInTransit => "payouts:in-transit",
        AccountOwner.OperatorBank => "bank:operator",
        AccountOwner.BankFees => "bank:fees",
        _ => throw new ArgumentOutOfRangeException(nameof(Owner), Owner, "an account owner without a stored name"),
    };

    public override string ToString() => Key;
}
