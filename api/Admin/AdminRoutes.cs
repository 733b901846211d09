using Marketplace.Platform;
namespace Marketplace.Admin;

/// <summary>Every route of the administrators' feature, mapped from here.</summary>
public static class AdminRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("").RequireAuthorization().WithTags("Admin").RequireScope(TokenScope.Read, null);
        ListAuditEntries.Map(admin);
        ListUsers.Map(admin);
        SuspendUser.Map(admin);
        ReinstateUser.Map(admin);
    }
}
