using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>What the programme tests share: a programme set up by an administrator, its office, members.</summary>
public abstract class ProgrammeTest : ApiTest
{
    private int _offices;

    /// <summary>A programme an administrator set up (the administrator signs in once per test).</summary>
    protected async Task<(User Admin, string ProgrammeId)> NewProgramme(User? admin = null, string name = "立科町社会福祉型テレワーク",
        string prefecture = "長野県", string[]? municipalities = null)
    {
        admin ??= await Administrator();
        var programme = await Created(await admin.Http.PostAsJsonAsync("/api/admin/programmes",
            new { name, prefecture, municipalities = municipalities ?? ["立科町", "佐久市"] }));
        return (admin, Id(programme));
    }

    /// <summary>Office staff invited by the administrator, who set a password with the link and enrolled in two-step sign-in.</summary>
    protected async Task<User> Office(User admin, string programmeId)
    {
        var n = Interlocked.Increment(ref _offices);
        var email = $"office{n}-{programmeId[^6..]}@test.example";
        var token = await Invite(admin, programmeId, email, $"事務局 {n}");
        var http = Browser();
        await Ok(await http.PostAsJsonAsync("/api/office-invitations/accept", await Acceptance(token)));
        var account = await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password }));
        await EnrolTwoStep(http);
        return new User(Id(account), email, Str(account["displayName"]), Role.Office, http);
    }

    /// <summary>An administrator invites a person to the programme's office: the token of the link mailed to it.</summary>
    protected async Task<string> Invite(User admin, string programmeId, string email, string displayName)
    {
        var invitation = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email, displayName }));
        return MailedToken(Str(invitation["userId"]), "officeInvitation");
    }

    /// <summary>What the invitation's page sends: the link's token, a password, and the versions of the terms in force.</summary>
    protected async Task<object> Acceptance(string token, string? password = null)
    {
        var (terms, privacy) = await LegalVersions();
        return new { token, password = password ?? Password, acceptedTermsVersion = terms, acceptedPrivacyVersion = privacy };
    }

    /// <summary>A worker who asked to join, approved by the office.</summary>
    protected async Task<(User Worker, string MemberId)> Member(User office, string programmeId, string municipality = "立科町", User? worker = null)
    {
        worker ??= await SignUp(Role.Worker);
        var member = await Created(await worker.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/join", new { municipality }));
        await Ok(await office.Http.PostAsync($"/api/programme-members/{Id(member)}/approve", null));
        return (worker, Id(member));
    }

    /// <summary>A course of the programme that the member enrolled in and completed: the id of the badge it granted.</summary>
    protected async Task<string> CompletedCourse(User office, string programmeId, User member, string badgeName = "RPA研修修了")
    {
        var course = await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/courses",
            new { title = "RPA研修", skills = "RPA", startsOn = "2026-05-01", endsOn = "2026-05-31", capacity = 10, badgeName }));
        await Ok(await member.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null));
        await Ok(await office.Http.PostAsJsonAsync($"/api/courses/{Id(course)}/completions", new { workerId = member.Id }));
        return Str(course["badgeId"]);
    }

    /// <summary>A worker's identity check, asked with an uploaded image.</summary>
    protected async Task<string> AskIdentityCheck(User worker)
    {
        var file = await Created(await worker.Http.Upload(Uploads.Png, "licence.png"));
        return Id(await Created(await worker.Http.PostAsJsonAsync("/api/identity-checks", new { fileId = Id(file), documentType = "driversLicence" })));
    }

    protected static async Task Refused(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var problem = await Problem(response, status);
        if (code is not null) Assert.That(problem["code"]?.GetValue<string>(), Is.EqualTo(code), problem.ToJsonString());
    }

    protected static JsonObject Body(object value) => JsonSerializer.SerializeToNode(value, Json)!.AsObject();
}
