using Marketplace.Platform;
namespace Marketplace.Programmes;

/// <summary>Every route of the programmes feature (issue 29), mapped from here.</summary>
public static class ProgrammesRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var programmes = api.MapGroup("").RequireAuthorization().WithTags("Programmes").RequireScope(TokenScope.Read, null);
        CreateProgramme.Map(programmes);
        InviteOfficeStaff.Map(programmes);
        ListOfficeStaff.Map(programmes);
        ResendOfficeInvitation.Map(programmes);
        LookUpOfficeInvitation.Map(programmes);
        AcceptOfficeInvitation.Map(programmes);
        ListProgrammes.Map(programmes);
        GetProgramme.Map(programmes);
        JoinProgramme.Map(programmes);
        ApproveMember.Map(programmes);
        WithdrawMember.Map(programmes);
        ListMembers.Map(programmes);
        PostNotice.Map(programmes);
        ListNotices.Map(programmes);
        RequestIdentityCheck.Map(programmes);
        ListIdentityChecks.Map(programmes);
        GetIdentityImage.Map(programmes);
        DecideIdentityCheck.Map(programmes);
        CreateCourse.Map(programmes);
        ListCourses.Map(programmes);
        EnrolInCourse.Map(programmes);
        ListEnrolments.Map(programmes);
        CompleteCourse.Map(programmes);
        ListBadges.Map(programmes);
        GetFigures.Map(programmes);
    }
}
