namespace Marketplace.Contests;

/// <summary>Every route of the contests feature, mapped from here.</summary>
public static class ContestsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var contests = api.MapGroup("").RequireAuthorization().WithTags("Contests");
        PostContest.Map(contests);
        ListContests.Map(contests);
        GetContest.Map(contests);
        SubmitEntry.Map(contests);
        GetEntry.Map(contests);
        ReviewEntry.Map(contests);
        ChooseWinner.Map(contests);
        DecideWinner.Map(contests);
    }
}
