using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Money;

/// <summary>The <c>Payments</c> settings: where a business transfers its payment into escrow, and by when.</summary>
public sealed class PaymentOptions
{
    /// <summary>Days from the award to the payment's due date (Japan's days; a due date on a bank holiday moves to the next business day).</summary>
    public int DueDays { get; set; } = 7;

    /// <summary>The business is reminded once this many days before the due date, while the payment is still pending.</summary>
    public int ReminderDays { get; set; } = 2;

    /// <summary>How often the payments' clock looks for reminders and lapses (seconds).</summary>
    public int ClockIntervalSeconds { get; set; } = 300;

    /// <summary>The platform's receiving account, printed on every payment request.</summary>
    public ReceivingAccount BankAccount { get; set; } = new();

    /// <summary>What is wrong with these settings, or null; start-up refuses to run with a wrong one.</summary>
    public string? Problem() =>
        DueDays is < 1 or > 60 ? "Payments:DueDays must be between 1 and 60."
        : ReminderDays < 0 || ReminderDays >= DueDays ? "Payments:ReminderDays must be at least 0 and less than Payments:DueDays."
        : ClockIntervalSeconds < 1 ? "Payments:ClockIntervalSeconds must be at least 1."
        : BankAccount.Problem();

    public sealed class Validation : IValidateOptions<PaymentOptions>
    {
        public ValidateOptionsResult Validate(string? name, PaymentOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

/// <summary>
/// The operator's account that businesses transfer to, as a Japanese payment request prints it: the bank and branch
/// (names, with codes where given), the type (普通 ordinary or 当座 current), the number and the holder's name in kana.
/// Unset, payment requests say that the operator has not set it (the page then tells the business to ask).
/// </summary>
public sealed class ReceivingAccount
{
    public string BankName { get; set; } = "";
    public string BankCode { get; set; } = "";
    public string BranchName { get; set; } = "";
    public string BranchCode { get; set; } = "";
    /// <summary>ordinary (普通) or current (当座).</summary>
    public string Type { get; set; } = "ordinary";
    public string Number { get; set; } = "";
    /// <summary>The holder as the bank shows it to a payer, in katakana (口座名義).</summary>
    public string HolderKana { get; set; } = "";

    public bool IsSet => BankName.Length > 0 || Number.Length > 0;

    public string? Problem() =>
        !IsSet ? null
        : BankName.Trim().Length == 0 ? "Payments:BankAccount:BankName is required when a receiving account is set."
        : BranchName.Trim().Length == 0 ? "Payments:BankAccount:BranchName is required."
        : Type is not ("ordinary" or "current") ? "Payments:BankAccount:Type must be ordinary or current."
        : !(Number.Length is >= 1 and <= 8 && Number.All(char.IsAsciiDigit)) ? "Payments:BankAccount:Number must be up to 8 digits."
        : BankCode.Length > 0 && !(BankCode.Length == 4 && BankCode.All(char.IsAsciiDigit)) ? "Payments:BankAccount:BankCode must be 4 digits."
        : BranchCode.Length > 0 && !(BranchCode.Length == 3 && BranchCode.All(char.IsAsciiDigit)) ? "Payments:BankAccount:BranchCode must be 3 digits."
        : HolderKana.Trim().Length == 0 ? "Payments:BankAccount:HolderKana is required."
        : null;
}

/// <summary>
/// When a payment into escrow is due, and for the award's first payment when the award lapses if the money has not been
/// confirmed: the due date is <see cref="PaymentOptions.DueDays"/> Japanese days after the request, moved to a bank
/// business day; the award lapses on the day after the first business day that follows the due date, so that a transfer
/// made on the due date can still be seen and confirmed by an administrator the next business day.
/// </summary>
public sealed record PaymentTerms(DateOnly DueOn, DateOnly? LapsesOn)
{
    /// <summary>The first payment of an award: due, and lapsing when unpaid.</summary>
    public static PaymentTerms ForAward(PaymentOptions options, DateTimeOffset now)
    {
        var due = DueFrom(options, now);
        return new PaymentTerms(due, BankCalendar.NextBusinessDayAfter(due).AddDays(1));
    }

    /// <summary>A top-up after a raised amount: due, but the contract under way does not lapse for it.</summary>
    public static PaymentTerms ForTopUp(PaymentOptions options, DateTimeOffset now) => new(DueFrom(options, now), null);

    /// <summary>
    /// A task job's or a contest's escrow asked for at posting: due, and nothing lapses (the job simply stays off the
    /// board). The job opens only once its money arrives, so the money is due by the last business day before the job's
    /// <paramref name="deadline"/> when that comes sooner (a user trial was asked to pay two days after the deadline),
    /// and never before today.
    /// </summary>
    public static PaymentTerms ForJob(PaymentOptions options, DateTimeOffset now, DateTimeOffset deadline)
    {
        var today = JapanTime.DayOf(now);
        var beforeDeadline = BankCalendar.OnOrBefore(JapanTime.DayOf(deadline).AddDays(-1));
        var due = DueFrom(options, now);
        if (beforeDeadline < due) due = beforeDeadline < today ? today : beforeDeadline;
        return new PaymentTerms(due, null);
    }

    private static DateOnly DueFrom(PaymentOptions options, DateTimeOffset now)
    {
        var due = JapanTime.DayOf(now).AddDays(options.DueDays);
        return BankCalendar.IsBusinessDay(due) ? due : BankCalendar.NextBusinessDayAfter(due);
    }
}
