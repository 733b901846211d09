using Marketplace.Platform;

namespace Marketplace.SavedSearches;

/// <summary>Sends <see cref="AlertSavedSearches"/> every <c>SavedSearches:AlertIntervalSeconds</c> (default 300).</summary>
public sealed class SavedSearchAlerts(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SavedSearchAlerts> logger)
    : PeriodicCommand<AlertSavedSearches.Command>(scopes,
        TimeSpan.FromSeconds(configuration.GetValue("SavedSearches:AlertIntervalSeconds", 300)), logger, "saved-search alerts");
