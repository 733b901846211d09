using Marketplace.Jobs;

namespace Marketplace.Money;

/// <summary>The <c>Money</c> settings.</summary>
public sealed class MoneyOptions
{
    /// <summary>The platform's fee as a fraction of the contract amount, taken from the worker's side.</summary>
    public decimal PlatformFeeRate { get; set; } = 0.10m;

    /// <summary>Job categories whose pay is remuneration the withholding rules name (design, translation, writing).</summary>
    public List<JobCategory> WithholdingCategories { get; set; } = [JobCategory.Design, JobCategory.Translation, JobCategory.Writing];

    /// <summary>Bank transfers count as confirmed at once (Development), so the whole path can be tried alone.</summary>
    public bool AutoConfirmPayments { get; set; }

    public long PlatformFeeBps => (long)(PlatformFeeRate * 10_000m);
}
