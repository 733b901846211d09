using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>Every route of the task jobs feature, mapped from here.</summary>
public static class TaskJobsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        // A business posts and reviews with jobs:write; a worker takes and answers items with bids:write (its own work offered).
        var tasks = api.MapGroup("").RequireAuthorization().WithTags("TaskJobs").RequireScope(TokenScope.Read, TokenScope.JobsWrite);
        PostTaskJob.Map(tasks);
        GetTaskJob.Map(tasks);
        TakeTaskItem.Map(tasks);
        SubmitTaskItem.Map(tasks);
        ReturnTaskItem.Map(tasks);
        ListTaskSubmissions.Map(tasks);
        ApproveTaskSubmission.Map(tasks);
        RejectTaskSubmission.Map(tasks);
        ApproveTaskSubmissions.Map(tasks);
        ExportTaskAnswers.Map(tasks);
    }
}
