using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Beginner jobs (入門案件, issue 29): only workers with fewer accepted contracts than the limit, or holding the badge
/// the job names, may bid (decided in the bid's INSERT); the board shows the mark and filters for it.
/// </summary>
public sealed class BeginnerJobTests : ProgrammeTest
{
    // One accepted contract is enough to stop being a beginner here, so that a test needs only one.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Jobs:BeginnerContractLimit"] = "1" };

    private static object BeginnerJob(string? badgeId = null) => new
    {
        title = "データ入力（入門）", description = "名簿の入力", category = "dataEntry", budgetMin = 5_000, budgetMax = 10_000,
        deadline = DateTimeOffset.UtcNow.AddDays(30), region = "長野県立科町", beginners = true, beginnerBadgeId = badgeId,
    };

    private async Task AcceptedContract(User worker)
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var contract = Id(await Award(business, Id(job), Id(await PlaceBid(worker, Id(job)))));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contract}/submissions", new { message = "納品します" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{contract}/accept", null));
    }

    [Test]
    public async Task An_experienced_worker_may_not_bid_unless_holding_the_badge_the_job_names()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (trained, _) = await Member(office, programmeId);
        var course = await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/courses",
            new { title = "RPA研修", skills = "RPA", startsOn = "2026-05-01", endsOn = "2026-05-31", capacity = 10, badgeName = "RPA研修修了" }));
        await Ok(await trained.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null));
        await Ok(await office.Http.PostAsJsonAsync($"/api/courses/{Id(course)}/completions", new { workerId = trained.Id }));
        var experienced = await SignUp(Role.Worker);
        await AcceptedContract(experienced);
        await AcceptedContract(trained);
        var newcomer = await SignUp(Role.Worker);

        var business = await SignUp(Role.Business);
        var job = await PostJob(business, BeginnerJob(Str(course["badgeId"])));
        Assert.That((job["beginners"]!.GetValue<bool>(), Str(job["beginnerBadgeName"])), Is.EqualTo((true, "RPA研修修了")));
        await Refused(await experienced.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 8_000, deliveryDays = 7, message = "入力します" }),
            HttpStatusCode.Forbidden, "beginnersOnly");
        await PlaceBid(newcomer, Id(job), amount: 8_000);
        await PlaceBid(trained, Id(job), amount: 8_000);

        // Without a badge, experience alone decides.
        var plain = await PostJob(business, BeginnerJob());
        await Refused(await trained.Http.PostAsJsonAsync($"/api/jobs/{Id(plain)}/bids", new { amount = 8_000, deliveryDays = 7, message = "入力します" }),
            HttpStatusCode.Forbidden, "beginnersOnly");
    }

    [Test]
    public async Task The_board_marks_beginner_jobs_and_filters_for_them()
    {
        var business = await SignUp(Role.Business);
        var beginner = await PostJob(business, BeginnerJob());
        var other = await PostJob(business);
        var worker = await SignUp(Role.Worker);
        var all = await Ok(await worker.Http.GetAsync("/api/jobs"));
        var items = all["items"]!.AsArray();
        Assert.That(items.Single(j => Str(j!["id"]) == Id(beginner))!["beginners"]!.GetValue<bool>(), Is.True);
        Assert.That(items.Single(j => Str(j!["id"]) == Id(other))!["beginners"]!.GetValue<bool>(), Is.False);
        var onlyBeginners = await Ok(await worker.Http.GetAsync("/api/jobs?beginners=true"));
        Assert.That(onlyBeginners["items"]!.AsArray().Select(j => Str(j!["id"])), Is.EqualTo(new[] { Id(beginner) }));
        var withWords = await Ok(await worker.Http.GetAsync($"/api/jobs?beginners=true&q={Uri.EscapeDataString("入力")}"));
        Assert.That(withWords["items"]!.AsArray().Select(j => Str(j!["id"])), Is.EqualTo(new[] { Id(beginner) }));
    }
}
