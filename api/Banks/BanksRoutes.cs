using Marketplace.Platform;
namespace Marketplace.Banks;

/// <summary>Every route of the bank list, mapped from here: read by whoever is signed in (the bank-account form).</summary>
public static class BanksRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var banks = api.MapGroup("").RequireAuthorization().WithTags("Banks").RequireScope(TokenScope.Read, null);
        ListBanks.Map(banks);
        ListBranches.Map(banks);
    }
}
