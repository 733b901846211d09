using Marketplace.Platform;
namespace Marketplace.Ndas;

/// <summary>Every route of the NDA feature (issue 29), mapped from here.</summary>
public static class NdasRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var ndas = api.MapGroup("").RequireAuthorization().WithTags("NDAs").RequireScope(TokenScope.Read, null);
        NdaTemplate.Map(ndas);
        AcceptNda.Map(ndas);
        GetConfidentialDetails.Map(ndas);
    }
}
