using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// A worker's life in a programme (issue 29): joining, the office's approval, withdrawal with a reason and rejoining
/// with the history kept; the office's notices; courses whose completion grants a badge on the worker's profile.
/// </summary>
public sealed class ProgrammeMembershipTests : ProgrammeTest
{
    [Test]
    public async Task A_member_is_approved_withdraws_with_a_reason_and_rejoins_with_the_history_kept()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var worker = await SignUp(Role.Worker);
        var asked = await Created(await worker.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/join", new { municipality = "立科町" }));
        Assert.That(Str(asked["status"]), Is.EqualTo("pending"));
        await Refused(await worker.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/join", new { municipality = "立科町" }), HttpStatusCode.Conflict, "alreadyMember");
        // Only the office approves: not the worker itself.
        await Refused(await worker.Http.PostAsync($"/api/programme-members/{Id(asked)}/approve", null), HttpStatusCode.Forbidden);
        var approved = await Ok(await office.Http.PostAsync($"/api/programme-members/{Id(asked)}/approve", null));
        Assert.That(Str(approved["status"]), Is.EqualTo("approved"));
        await Refused(await office.Http.PostAsync($"/api/programme-members/{Id(asked)}/approve", null), HttpStatusCode.Conflict, "memberStatus");
        var profile = await Ok(await worker.Http.GetAsync($"/api/workers/{worker.Id}"));
        Assert.That(profile["programmes"]!.AsArray().Select(Str), Is.EqualTo(new[] { "立科町社会福祉型テレワーク" }), "the programme's badge on the profile");

        // A reason outside the fixed list is a 400; a listed one with free text is kept.
        await Problem(await worker.Http.PostAsJsonAsync($"/api/programme-members/{Id(asked)}/withdraw", new { reason = "bored" }), HttpStatusCode.BadRequest);
        var withdrawn = await Ok(await worker.Http.PostAsJsonAsync($"/api/programme-members/{Id(asked)}/withdraw", new { reason = "job", note = "町内の会社に就職" }));
        Assert.That((Str(withdrawn["status"]), Str(withdrawn["withdrawalReason"]), Str(withdrawn["withdrawalNote"])), Is.EqualTo(("withdrawn", "job", "町内の会社に就職")));
        Assert.That((await Ok(await worker.Http.GetAsync($"/api/workers/{worker.Id}")))["programmes"]!.AsArray(), Is.Empty);

        // Rejoining is a new row: the office's list keeps the first joining and its withdrawal.
        var again = await Created(await worker.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/join", new { municipality = "佐久市" }));
        Assert.That(Id(again), Is.Not.EqualTo(Id(asked)));
        var list = await office.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/programmes/{programmeId}/members");
        Assert.That(list!.Select(m => Str(m!["status"])), Is.EquivalentTo(new[] { "withdrawn", "pending" }));
        var onlyWithdrawn = await office.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/programmes/{programmeId}/members?status=withdrawn");
        Assert.That(onlyWithdrawn!.Select(m => Str(m!["id"])), Is.EqualTo(new[] { Id(asked) }));
        var inSaku = await office.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/programmes/{programmeId}/members?municipality=佐久市");
        Assert.That(inSaku!.Select(m => Str(m!["id"])), Is.EqualTo(new[] { Id(again) }));
    }

    [Test]
    public async Task The_office_records_a_withdrawal_and_another_worker_may_not()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (_, memberId) = await Member(office, programmeId);
        var other = await SignUp(Role.Worker);
        await Refused(await other.Http.PostAsJsonAsync($"/api/programme-members/{memberId}/withdraw", new { reason = "moved" }), HttpStatusCode.NotFound);
        var withdrawn = await Ok(await office.Http.PostAsJsonAsync($"/api/programme-members/{memberId}/withdraw", new { reason = "moved" }));
        Assert.That(Str(withdrawn["withdrawalReason"]), Is.EqualTo("moved"));
        await Refused(await office.Http.PostAsJsonAsync($"/api/programme-members/{memberId}/withdraw", new { reason = "age" }), HttpStatusCode.Conflict, "memberStatus");
    }

    [Test]
    public async Task Registered_members_read_the_offices_notices_and_hear_of_them_while_others_do_not()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (member, _) = await Member(office, programmeId);
        var applicant = await SignUp(Role.Worker);
        await Created(await applicant.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/join", new { municipality = "立科町" }));
        await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/notices", new { title = "RPA研修のご案内", body = "5月に開講します。" }));

        var notices = await member.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/programmes/{programmeId}/notices");
        Assert.That(notices!.Select(n => Str(n!["title"])), Is.EqualTo(new[] { "RPA研修のご案内" }));
        var heard = await member.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/notifications");
        Assert.That(heard!.ToJsonString(), Does.Contain("programmeNotice"));
        await Refused(await applicant.Http.GetAsync($"/api/programmes/{programmeId}/notices"), HttpStatusCode.NotFound);
        Assert.That((await applicant.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/notifications"))!.ToJsonString(), Does.Not.Contain("programmeNotice"));
    }

    [Test]
    public async Task Completing_a_course_grants_its_badge_on_the_profile_and_the_office_filters_members_by_it()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (first, _) = await Member(office, programmeId);
        var (second, _) = await Member(office, programmeId);
        var (third, _) = await Member(office, programmeId);
        var course = await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/courses",
            new { title = "RPA研修", skills = "RPA", startsOn = "2026-05-01", endsOn = "2026-05-31", capacity = 2, badgeName = "RPA研修修了" }));
        await Ok(await first.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null));
        await Refused(await first.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null), HttpStatusCode.Conflict, "alreadyEnrolled");
        await Ok(await second.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null));
        await Refused(await third.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null), HttpStatusCode.Conflict, "courseFull");
        // A worker of no programme does not see the course.
        await Refused(await (await SignUp(Role.Worker)).Http.PostAsync($"/api/courses/{Id(course)}/enrol", null), HttpStatusCode.NotFound);

        await Ok(await office.Http.PostAsJsonAsync($"/api/courses/{Id(course)}/completions", new { workerId = first.Id }));
        await Refused(await office.Http.PostAsJsonAsync($"/api/courses/{Id(course)}/completions", new { workerId = first.Id }), HttpStatusCode.Conflict, "courseCompleted");
        await Refused(await office.Http.PostAsJsonAsync($"/api/courses/{Id(course)}/completions", new { workerId = third.Id }), HttpStatusCode.NotFound);

        var profile = await Ok(await second.Http.GetAsync($"/api/workers/{first.Id}"));
        Assert.That(profile["badges"]!.AsArray().Select(Str), Is.EqualTo(new[] { "RPA研修修了" }));
        Assert.That((await Ok(await first.Http.GetAsync($"/api/workers/{second.Id}")))["badges"]!.AsArray(), Is.Empty);
        var holders = await office.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/programmes/{programmeId}/members?badge=RPA研修修了");
        Assert.That(holders!.Select(m => Str(m!["workerId"])), Is.EqualTo(new[] { first.Id }));
    }

    [Test]
    public async Task A_completion_is_recorded_from_the_courses_first_day_in_Japan_not_before()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (member, _) = await Member(office, programmeId);
        var today = Marketplace.Platform.JapanTime.DayOf(DateTimeOffset.UtcNow);
        async Task<string> Course(DateOnly startsOn, string badgeName)
        {
            var course = await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/courses",
                new { title = badgeName, skills = "RPA", startsOn = startsOn.ToString("yyyy-MM-dd"), endsOn = startsOn.AddDays(30).ToString("yyyy-MM-dd"), capacity = 5, badgeName }));
            await Ok(await member.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null));
            return Id(course);
        }
        var later = await Course(today.AddDays(2), "来月の講座");
        await Refused(await office.Http.PostAsJsonAsync($"/api/courses/{later}/completions", new { workerId = member.Id }), HttpStatusCode.Conflict, "courseNotStarted");
        var startingToday = await Course(today, "今日からの講座");
        await Ok(await office.Http.PostAsJsonAsync($"/api/courses/{startingToday}/completions", new { workerId = member.Id }));

        var profile = await Ok(await office.Http.GetAsync($"/api/workers/{member.Id}"));
        Assert.That(profile["badges"]!.AsArray().Select(Str), Is.EqualTo(new[] { "今日からの講座" }), "no badge from the course not yet started");
    }
}
