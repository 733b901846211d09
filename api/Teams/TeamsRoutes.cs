using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>Every route of the teams feature (teams, invitations, tasks, the board, unavailability, the team's thread), mapped from here.</summary>
public static class TeamsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        // A team's work on its contracts (tasks, deliveries, reassignments) and its membership: contracts:write.
        var teams = api.MapGroup("").RequireAuthorization().WithTags("Teams").RequireScope(TokenScope.Read, TokenScope.ContractsWrite);
        CreateTeam.Map(teams);
        SearchTeams.Map(teams);
        GetTeam.Map(teams);
        ListMyTeams.Map(teams);
        InviteMember.Map(teams);
        ListMyTeamInvitations.Map(teams);
        AnswerTeamInvitation.Map(teams);
        RemoveMember.Map(teams);
        HandOverDirectorship.Map(teams);
        UpdateMyMembership.Map(teams);
        CreateTask.Map(teams);
        ListContractTasks.Map(teams);
        ListMyTasks.Map(teams);
        GetTask.Map(teams);
        GetTaskTerms.Map(teams);
        SubmitTask.Map(teams);
        ApproveTask.Map(teams);
        ReturnTask.Map(teams);
        ReassignTask.Map(teams);
        MarkUnavailable.Map(teams);
        ListMyUnavailability.Map(teams);
        GetBoard.Map(teams);
        PostTeamMessage.Map(teams);
        ListTeamMessages.Map(teams);
        MarkTeamMessagesRead.Map(teams);
    }
}
