using Marketplace.Platform;
namespace Marketplace.Workers;

/// <summary>Every route of the workers feature, mapped from here.</summary>
public static class WorkersRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var workers = api.MapGroup("").RequireAuthorization().WithTags("Workers").RequireScope(TokenScope.Read, null);
        UpdateWorkerProfile.Map(workers);
        GetWorker.Map(workers);
        SearchWorkers.Map(workers);
    }
}
