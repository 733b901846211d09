using Marketplace.Platform;

namespace Marketplace.Notifications;

/// <summary>Sends <see cref="RemindDeadlines"/> every <c>Notifications:ReminderIntervalSeconds</c> (default 300).</summary>
public sealed class DeadlineReminders(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeadlineReminders> logger)
    : PeriodicCommand<RemindDeadlines.Command>(scopes,
        TimeSpan.FromSeconds(configuration.GetValue("Notifications:ReminderIntervalSeconds", 300)), logger, "deadline reminders");
