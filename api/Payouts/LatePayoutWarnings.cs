using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>
/// Sends <see cref="WarnLatePayouts"/> every <c>Payouts:WarningIntervalSeconds</c> (default 60, the pace the deal's
/// clock sent it at before the payouts registered it themselves).
/// </summary>
public sealed class LatePayoutWarnings(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<LatePayoutWarnings> logger)
    : PeriodicCommand<WarnLatePayouts.Command>(scopes,
        TimeSpan.FromSeconds(configuration.GetValue("Payouts:WarningIntervalSeconds", 60)), logger, "payout warnings");
