using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts;

/// <summary>Who pays the bank's fee for a transfer to a worker.</summary>
public enum FeeBearer { Platform, Worker }

/// <summary>The <c>Payouts</c> settings.</summary>
public sealed class PayoutOptions
{
    /// <summary>A worker is paid out once the available balance reaches this many yen; smaller balances wait.</summary>
    public long MinimumYen { get; set; } = 1_000;

    /// <summary>The operator's bank's fee for one transfer, in yen.</summary>
    public long TransferFeeYen { get; set; }

    /// <summary>Platform: the operator pays the fee and the worker receives the whole balance. Worker: it is deducted.</summary>
    public FeeBearer FeeBorneBy { get; set; } = FeeBearer.Platform;

    /// <summary>The operator's own account, written in the header record of every Zengin file.</summary>
    public SenderAccount Sender { get; set; } = new();

    /// <summary>The days of the month the office gathers a batch and transfers, when none are configured: the 15th and the last.</summary>
    public static readonly IReadOnlyList<int> DefaultTransferDays = [15, 31];

    /// <summary>
    /// The days of the month the office transfers (31 is the month's last day), as configured in
    /// Payouts:TransferDaysOfMonth; empty means the defaults (the configuration binder adds configured items to a list's
    /// initial ones instead of replacing them, so the defaults cannot be the initial items). Workers are shown the next
    /// one as the date of their next transfer; an administrator still gathers each batch.
    /// </summary>
    public List<int> TransferDaysOfMonth { get; set; } = [];

    public IReadOnlyList<int> TransferDays => TransferDaysOfMonth.Count > 0 ? TransferDaysOfMonth : DefaultTransferDays;

    /// <summary>
    /// The next scheduled transfer after <paramref name="today"/> (Japan): the next transfer day of the month, moved to the
    /// business day before it when banks are closed (前営業日, so that pay is never later than the schedule says).
    /// </summary>
    public DateOnly NextScheduledTransferAfter(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var m = 0; m < 3; m++, month = month.AddMonths(1))
            foreach (var day in TransferDays.Order())
            {
                var date = BankCalendar.OnOrBefore(new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month))));
                if (date > today) return date;
            }
        throw new InvalidOperationException("No transfer day within three months.");
    }

    /// <summary>What is wrong with these settings, or null; start-up refuses to run with a wrong one.</summary>
    public string? Problem() =>
        MinimumYen < 1 ? "Payouts:MinimumYen must be at least 1 yen."
        : TransferFeeYen < 0 ? "Payouts:TransferFeeYen cannot be negative."
        : FeeBorneBy == FeeBearer.Worker && MinimumYen <= TransferFeeYen
            ? "Payouts:MinimumYen must be more than Payouts:TransferFeeYen when the worker bears the fee, or a payout would be nothing."
        : TransferDaysOfMonth.Any(d => d is < 1 or > 31) ? "Payouts:TransferDaysOfMonth must be days 1 to 31 (31: the month's last day)."
        : null;

    /// <summary>Start-up refuses wrong settings with what is wrong, before the app takes a request.</summary>
    public sealed class Validation : IValidateOptions<PayoutOptions>
    {
        public ValidateOptionsResult Validate(string? name, PayoutOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

/// <summary>
/// The operator's account as the bank knows it (全銀協規定フォーマット, header record): the company code the bank gave it
/// for 総合振込 (振込依頼人コード, 10 digits), its name in kana, and the bank, branch and account it pays from.
/// </summary>
public sealed class SenderAccount
{
    public string CompanyCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string BankCode { get; set; } = "";
    public string BankName { get; set; } = "";
    public string BranchCode { get; set; } = "";
    public string BranchName { get; set; } = "";
    public BankAccountType AccountType { get; set; } = BankAccountType.Ordinary;
    public string AccountNumber { get; set; } = "";

    /// <summary>What is missing or wrong for a Zengin file to be written, or null.</summary>
    public string? Problem() =>
        !Digits(CompanyCode, 10) ? "Payouts:Sender:CompanyCode must be the 10-digit company code your bank gave you for 総合振込."
        : !Digits(BankCode, 4) ? "Payouts:Sender:BankCode must be 4 digits."
        : !Digits(BranchCode, 3) ? "Payouts:Sender:BranchCode must be 3 digits."
        : !Digits(AccountNumber, 7) ? "Payouts:Sender:AccountNumber must be 7 digits."
        : ZenginKana.Normalise(Name) is not { Name: { Length: > 0 and <= 40 } } ? "Payouts:Sender:Name must be up to 40 kana, Latin letters or digits."
        : ZenginKana.Normalise(BankName) is not { Name: { Length: <= 15 } } ? "Payouts:Sender:BankName must be up to 15 kana."
        : ZenginKana.Normalise(BranchName) is not { Name: { Length: <= 15 } } ? "Payouts:Sender:BranchName must be up to 15 kana."
        : null;

    private static bool Digits(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);
}
