using Marketplace.Jobs;

namespace Marketplace.Money;

/// <summary>The <c>Money</c> settings.</summary>
public sealed class MoneyOptions
{
    /// <summary>The platform's fee as a fraction of the contract amount, taken from the worker's side.</summary>
    public decimal PlatformFeeRate { get; set; } = 0.10m;

    /// <summary>The categories whose pay the withholding rules name, when Money:WithholdingCategories is not set.</summary>
    public static readonly IReadOnlyList<JobCategory> DefaultWithholdingCategories = [JobCategory.Design, JobCategory.Translation, JobCategory.Writing];

    /// <summary>
    /// Job categories whose pay is remuneration the withholding rules name, as configured; empty means the defaults.
    /// The defaults cannot be this list's initial items: the configuration binder adds configured items to a list
    /// instead of replacing it, so setting "dataEntry" would have withheld on design, translation and writing too.
    /// </summary>
    public List<JobCategory> WithholdingCategories { get; set; } = [];

    /// <summary>The categories withheld on: the configured ones, or the defaults.</summary>
    public IReadOnlyCollection<JobCategory> WithheldCategories =>
        WithholdingCategories.Count > 0 ? WithholdingCategories : DefaultWithholdingCategories;

    /// <summary>Bank transfers count as confirmed at once (Development), so the whole path can be tried alone.</summary>
    public bool AutoConfirmPayments { get; set; }

    public long PlatformFeeBps => (long)(PlatformFeeRate * 10_000m);
}
