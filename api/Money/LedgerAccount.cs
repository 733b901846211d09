using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>Whose an account of the ledger is.</summary>
public enum AccountOwner
{
    Business, Worker, Producer,
    /// <summary>A contract's escrow: the business's money held until the contract closes.</summary>
    Escrow,
    /// <summary>Income tax withheld from a business's payments, which that business remits to the tax office.</summary>
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
    /// <summary>The person's or the contract's id; null for the operator's own accounts.</summary>
    public string? OwnerId { get; }

    private LedgerAccount(AccountOwner owner, string? ownerId) => (Owner, OwnerId) = (owner, ownerId);

    public static LedgerAccount Business(string id) => new(AccountOwner.Business, id);
    public static LedgerAccount Worker(string id) => new(AccountOwner.Worker, id);
    public static LedgerAccount Producer(string id) => new(AccountOwner.Producer, id);
    public static LedgerAccount Escrow(string contractId) => new(AccountOwner.Escrow, contractId);
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
        AccountOwner.Withholding => $"withholding:{OwnerId}",
        AccountOwner.Platform => "platform",
        AccountOwner.PayoutsInTransit => "payouts:in-transit",
        AccountOwner.OperatorBank => "bank:operator",
        AccountOwner.BankFees => "bank:fees",
        _ => throw new ArgumentOutOfRangeException(nameof(Owner), Owner, "an account owner without a stored name"),
    };

    public override string ToString() => Key;
}
