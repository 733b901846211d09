using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Every route of the programme office (issue 29) refuses whoever is not its programme's office: another programme's
/// office (404: the programme's members, figures and documents do not exist for it), a worker, a business and a
/// stranger. The list is checked against the routes the app maps, so a new route fails here until it is listed.
/// </summary>
public sealed class ProgrammeAccessTests : ProgrammeTest
{
    /// <summary>The office's routes, with a body that would be valid for the programme's own office.</summary>
    private static readonly (string Method, string Route)[] OfficeRoutes =
    [
        ("GET", "/api/programmes/{id}/members"),
        ("POST", "/api/programme-members/{member}/approve"),
        ("POST", "/api/programme-members/{member}/withdraw"),
        ("POST", "/api/programmes/{id}/notices"),
        ("GET", "/api/programmes/{id}/notices"),
        ("GET", "/api/identity-checks/{check}/image"),
        ("POST", "/api/identity-checks/{check}/decide"),
        ("POST", "/api/programmes/{id}/courses"),
        ("GET", "/api/programmes/{id}/courses"),
        ("GET", "/api/courses/{course}/enrolments"),
        ("POST", "/api/courses/{course}/completions"),
        ("GET", "/api/programmes/{id}/figures"),
        ("GET", "/api/programmes/{id}/figures.csv"),
    ];

    /// <summary>Routes of the feature that others may call on purpose (each with the reason), so not refused to all of them.</summary>
    private static readonly Dictionary<string, string> OpenRoutes = new()
    {
        ["POST /api/admin/programmes"] = "an administrator's (refused to the office in its own test)",
        ["POST /api/admin/programmes/{id}/staff"] = "an administrator's (refused to the office in its own test)",
        ["GET /api/admin/programmes/{id}/staff"] = "an administrator's (refused to everyone else in its own test)",
        ["POST /api/admin/programmes/{id}/staff/{userId}/invitation"] = "an administrator's (refused to everyone else in its own test)",
        ["POST /api/office-invitations/accept"] = "the invited person's, with the link's token",
        ["POST /api/office-invitations/look-up"] = "whoever holds the link: the link is the secret (400 without a valid token)",
        ["GET /api/programmes"] = "every signed-in person's: a worker picks a programme to join",
        ["GET /api/programmes/{id}"] = "every signed-in person's: name and municipalities",
        ["POST /api/programmes/{id}/join"] = "a worker's",
        ["POST /api/identity-checks"] = "a worker's",
        ["GET /api/identity-checks"] = "each reads its own: a worker its checks, an office its members'",
        ["POST /api/courses/{id}/enrol"] = "a registered member's",
        ["GET /api/badges"] = "every signed-in person's: badges show on profiles",
    };

    [Test]
    public void Every_route_of_the_programmes_feature_is_listed_here()
    {
        var mapped = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>(App.Services)
            .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags.Contains("Programmes") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Select(Normalise).ToHashSet();
        var listed = OfficeRoutes.Select(r => Normalise($"{r.Method} {r.Route}")).Concat(OpenRoutes.Keys.Select(Normalise)).ToHashSet();
        Assert.That(mapped.Except(listed), Is.Empty, "routes not listed in ProgrammeAccessTests");
        Assert.That(listed.Except(mapped), Is.Empty, "listed routes that are not mapped");
    }

    private static string Normalise(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "{}");

    [Test]
    public async Task Another_programmes_office_a_worker_a_business_and_a_stranger_are_refused_every_office_route()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (_, otherId) = await NewProgramme(admin, name: "湯沢市ジョブハブ", prefecture: "秋田県", municipalities: ["湯沢市"]);
        var otherOffice = await Office(admin, otherId);
        var (member, _) = await Member(office, programmeId);
        var checkId = await AskIdentityCheck(member);
        var course = await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/courses",
            new { title = "RPA研修", skills = "RPA, Excel", startsOn = "2026-05-01", endsOn = "2026-05-31", capacity = 10, badgeName = "RPA研修修了" }));
        await Ok(await member.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null));
        // A second worker who asked to join: the office approves, then records the withdrawal, at the end.
        var applicant = await SignUp(Role.Worker);
        var memberId = Id(await Created(await applicant.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/join", new { municipality = "佐久市" })));
        var worker = await SignUp(Role.Worker);
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var stranger = App.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-CSRF", "1");

        string Path(string route) => route.Replace("{id}", programmeId).Replace("{member}", memberId).Replace("{check}", checkId)
            .Replace("{course}", Id(course)) + (route.Contains("figures") ? "?from=2026-01&to=2026-12" : "");
        object BodyOf(string route) => route switch
        {
            _ when route.EndsWith("/withdraw") => new { reason = "busy" },
            _ when route.EndsWith("/notices") => new { title = "お知らせ", body = "研修のご案内" },
            _ when route.EndsWith("/decide") => new { verified = true, documentType = "driversLicence" },
            _ when route.EndsWith("/courses") => new { title = "講座", skills = "Excel", startsOn = "2026-06-01", endsOn = "2026-06-30", capacity = 5, badgeName = "Excel" },
            _ when route.EndsWith("/completions") => new { workerId = member.Id },
            _ => new { },
        };
        Task<HttpResponseMessage> Send(HttpClient http, string method, string route) =>
            method == "GET" ? http.GetAsync(Path(route)) : http.PostAsJsonAsync(Path(route), BodyOf(route));

        foreach (var (method, route) in OfficeRoutes)
        {
            await Expect404Or(await Send(otherOffice.Http, method, route), HttpStatusCode.NotFound, $"another programme's office: {method} {route}");
            foreach (var (who, http) in new[] { ("worker", worker.Http), ("business", business.Http), ("producer", producer.Http) })
                await Expect404Or(await Send(http, method, route), HttpStatusCode.Forbidden, $"a {who}: {method} {route}");
            Assert.That((await Send(stranger, method, route)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"a stranger: {method} {route}");
        }
        // The member may read its programme's notices and courses, but no office route beyond them.
        foreach (var (method, route) in OfficeRoutes.Where(r => !r.Route.EndsWith("/notices") && !r.Route.EndsWith("/courses") && !r.Route.EndsWith("/withdraw")))
            await Expect404Or(await Send(member.Http, method, route), HttpStatusCode.Forbidden, $"the member: {method} {route}");
        // The office itself passes every route (the refusals above are not a broken route): nothing is a 401, 403 or 404.
        foreach (var (method, route) in OfficeRoutes)
        {
            var response = await Send(office.Http, method, route);
            Assert.That((int)response.StatusCode, Is.LessThan(400), $"the office: {method} {route}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A refusal: the expected status, or 404 where the object is not the caller's to know (a check of another's).</summary>
    private static async Task Expect404Or(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected).Or.EqualTo(HttpStatusCode.NotFound), $"{what}: {body}");
    }

    [Test]
    public async Task Setting_the_password_with_the_invitation_confirms_the_address_it_was_sent_to()
    {
        var (admin, programmeId) = await NewProgramme();
        var token = await Invite(admin, programmeId, "new@test.example", "新しい人");
        var http = Browser();
        var accepted = await Ok(await http.PostAsJsonAsync("/api/office-invitations/accept", await Acceptance(token)));
        Assert.That(accepted["emailConfirmed"]!.GetValue<bool>(), Is.True);
        var me = await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email = "new@test.example", password = Password }));
        Assert.That(me["emailConfirmed"]!.GetValue<bool>(), Is.True, "no banner that the address is unconfirmed at the first sign-in");
    }

    [Test]
    public async Task An_office_may_not_set_up_programmes_or_invite_staff_and_needs_two_step_sign_in()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        await Refused(await office.Http.PostAsJsonAsync("/api/admin/programmes", new { name = "x", prefecture = "長野県", municipalities = new[] { "x" } }), HttpStatusCode.Forbidden);
        await Refused(await office.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "x@test.example", displayName = "x" }), HttpStatusCode.Forbidden);
        // A second office account that set its password but has not enrolled: signed in, it is refused every action.
        var token = await Invite(admin, programmeId, "late@test.example", "遅れた人");
        var http = Browser();
        await Ok(await http.PostAsJsonAsync("/api/office-invitations/accept", await Acceptance(token)));
        await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email = "late@test.example", password = Password }));
        await Refused(await http.GetAsync($"/api/programmes/{programmeId}/members"), HttpStatusCode.Forbidden);
        // The link works once.
        await Refused(await Browser().PostAsJsonAsync("/api/office-invitations/accept", await Acceptance(token, Password + "x")),
            HttpStatusCode.BadRequest, "invitationInvalid");
    }

    [Test]
    public async Task The_staff_list_and_sending_an_invitation_again_are_refused_to_everyone_but_administrators()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (_, otherId) = await NewProgramme(admin, name: "湯沢市ジョブハブ", prefecture: "秋田県", municipalities: ["湯沢市"]);
        var otherOffice = await Office(admin, otherId);
        var pending = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "pending@test.example", displayName = "未承諾 太郎" }));
        var first = MailedToken(Str(pending["userId"]), "officeInvitation");
        var stranger = App.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-CSRF", "1");
        var list = $"/api/admin/programmes/{programmeId}/staff";
        var resend = $"/api/admin/programmes/{programmeId}/staff/{Str(pending["userId"])}/invitation";

        foreach (var (who, http) in new[] { ("its own office", office.Http), ("another programme's office", otherOffice.Http), ("a worker", (await SignUp(Role.Worker)).Http),
                     ("a business", (await SignUp(Role.Business)).Http), ("a producer", (await SignUp(Role.Producer)).Http) })
        {
            await Expect404Or(await http.GetAsync(list), HttpStatusCode.Forbidden, $"{who}: the staff list");
            await Expect404Or(await http.PostAsync(resend, null), HttpStatusCode.Forbidden, $"{who}: sending again");
        }
        Assert.That((await stranger.GetAsync(list)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await stranger.PostAsync(resend, null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(MailedToken(Str(pending["userId"]), "officeInvitation"), Is.EqualTo(first), "no refused call sent a new link");
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'resendOfficeInvitation'"), Is.Zero);
    }
}
