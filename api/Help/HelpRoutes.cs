using Marketplace.Platform;
namespace Marketplace.Help;

/// <summary>Every route of the help feature (the contact form and the office's tickets), mapped from here.</summary>
public static class HelpRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var help = api.MapGroup("").RequireAuthorization().WithTags("Help").RequireScope(TokenScope.Read, null);
        Contact.Map(help);
        ListMyTickets.Map(help);
        GetTicket.Map(help);
        ReplyToTicket.Map(help);
        ListTickets.Map(help);
        AnswerTicket.Map(help);
    }
}
