using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>Every route of the contests feature, mapped from here.</summary>
public static class ContestsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        // A business posts, rates and chooses with jobs:write; a worker enters with bids:write; the administrator's choice is staff work.
        var contests = api.MapGroup("").RequireAuthorization().WithTags("Contests").RequireScope(TokenScope.Read, TokenScope.JobsWrite);
        PostContest.Map(contests);
        ListContests.Map(contests);
        GetContest.Map(contests);
        SubmitEntry.Map(contests);
        GetEntry.Map(contests);
        ReviewEntry.Map(contests);
        ChooseWinner.Map(contests);
        DecideWinner.Map(contests);
        ListContestsToDecide.Map(contests);
    }
}
