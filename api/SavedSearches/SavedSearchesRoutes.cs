using Marketplace.Platform;
namespace Marketplace.SavedSearches;

/// <summary>Every route of the saved-searches feature, mapped from here.</summary>
public static class SavedSearchesRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var routes = api.MapGroup("").RequireAuthorization().WithTags("Saved searches").RequireScope(TokenScope.Read, null);
        SaveSearch.Map(routes);
        ListSavedSearches.Map(routes);
        DeleteSavedSearch.Map(routes);
    }
}
