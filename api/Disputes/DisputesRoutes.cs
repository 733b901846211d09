using Marketplace.Platform;
namespace Marketplace.Disputes;

/// <summary>Every route of the disputes feature, mapped from here.</summary>
public static class DisputesRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var disputes = api.MapGroup("").RequireAuthorization().WithTags("Disputes").RequireScope(TokenScope.Read, TokenScope.ContractsWrite);
        ListDisputes.Map(disputes);
        GetDispute.Map(disputes);
        AddStatement.Map(disputes);
        DecideDispute.Map(disputes);
    }
}
