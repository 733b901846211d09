using Marketplace.Platform;
namespace Marketplace.Contracts;

/// <summary>Every route of the contracts feature, mapped from here.</summary>
public static class ContractsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var contracts = api.MapGroup("").RequireAuthorization().WithTags("Contracts").RequireScope(TokenScope.Read, TokenScope.ContractsWrite);
        AwardJob.Map(contracts);
        ListContracts.Map(contracts);
        GetContract.Map(contracts);
        SubmitWork.Map(contracts);
        RequestRevision.Map(contracts);
        ForwardSubmission.Map(contracts);
        AcceptWork.Map(contracts);
        LeaveReview.Map(contracts);
        GetTerms.Map(contracts);
        GetTermsVersion.Map(contracts);
        ProposeChange.Map(contracts);
        AcceptChange.Map(contracts);
        DeclineChange.Map(contracts);
        ProposeCancellation.Map(contracts);
        AcceptCancellation.Map(contracts);
        DeclineCancellation.Map(contracts);
        DeclineRevision.Map(contracts);
        AddMilestones.Map(contracts);
        FundMilestone.Map(contracts);
        SubmitMilestone.Map(contracts);
        ForwardMilestone.Map(contracts);
        RequestMilestoneRevision.Map(contracts);
        AcceptMilestone.Map(contracts);
    }
}
