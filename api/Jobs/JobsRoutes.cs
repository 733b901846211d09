using Marketplace.Platform;
namespace Marketplace.Jobs;

/// <summary>Every route of the jobs feature, mapped from here.</summary>
public static class JobsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var jobs = api.MapGroup("").RequireAuthorization().WithTags("Jobs").RequireScope(TokenScope.Read, TokenScope.JobsWrite);
        PostJob.Map(jobs);
        ListJobs.Map(jobs);
        GetJob.Map(jobs);
        CancelJob.Map(jobs);
        UpdateJob.Map(jobs);
    }
}
