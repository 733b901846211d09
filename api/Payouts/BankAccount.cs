using Marketplace.Platform;
namespace Marketplace.Payouts;

/// <summary>
/// The kinds of deposit account a Zengin data record names (預金種目): 1 普通 ordinary, 2 当座 current, 4 貯蓄 savings.
/// </summary>
public enum BankAccountType { Ordinary = 1, Current = 2, Savings = 4 }

/// <summary>A worker's bank account as the worker sees it: the number masked but for its last 3 digits.</summary>
public sealed record BankAccountView : IVersioned
{
    /// <summary>The account's version: its ETag, never in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public long RowVersion { get; init; }

    public required string BankCode { get; init; }
    public required string BranchCode { get; init; }
    public required BankAccountType AccountType { get; init; }
    /// <summary>"****567": enough for the worker to recognise the account, not enough to copy it from a screen.</summary>
    public required string AccountNumberMasked { get; init; }
    /// <summary>The holder's name as it will travel in the transfer file (half-width kana).</summary>
    public required string HolderName { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static string Mask(string accountNumber) => new string('*', accountNumber.Length - 3) + accountNumber[^3..];
}
