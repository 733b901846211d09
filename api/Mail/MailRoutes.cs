using Marketplace.Platform;

namespace Marketplace.Mail;

/// <summary>Every route of the mail feature, mapped from here.</summary>
public static class MailRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var mail = api.MapGroup("").RequireAuthorization().WithTags("Mail").RequireScope(TokenScope.Read, null);
        GetNotificationSettings.Map(mail);
        UpdateNotificationSettings.Map(mail);
    }

    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection("Email"));
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<AccountMailOutbox>();
        services.AddPeriodicWork<AccountMailSender>();
        services.AddPeriodicWork<MailSender>();
        return services;
    }
}
