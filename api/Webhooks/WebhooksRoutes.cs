using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Webhooks;

/// <summary>Every route of the webhooks feature, mapped from here, and its services.</summary>
public static class WebhooksRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("").RequireAuthorization().WithTags("Webhooks").RequireScope(TokenScope.Webhooks);
        Subscribe.Map(webhooks);
        ListWebhooks.Map(webhooks);
        DeleteWebhook.Map(webhooks);
        RotateWebhookSecret.Map(webhooks);
        EnableWebhook.Map(webhooks);
        ListWebhookDeliveries.Map(webhooks);
        ReplayWebhookDelivery.Map(webhooks);
        ReplayWebhookEvents.Map(webhooks);
    }

    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        // Start-up refuses Webhooks:AllowLoopback in Production (WebhookOptions.Validation).
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection("Webhooks")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptions.Validation>();
        services.AddPeriodicWork<WebhookSender>();
        return services;
    }
}
