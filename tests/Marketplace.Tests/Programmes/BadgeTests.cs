using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// A course's badge (issue 29) counts outside the programme: businesses and producers filter worker search by it, and a
/// producer's recommendations for a job that names a badge (a beginner job's) weigh it.
/// </summary>
public sealed class BadgeTests : ProgrammeTest
{
    private static object Profile() => new { bio = "RPAとデータ入力をします", skills = new[] { "データ入力", "RPA" }, region = "長野県立科町", weeklyHours = 10, availability = "" };

    /// <summary>Two workers with the same profile, the older of them trained: the id of the badge the course granted.</summary>
    private async Task<(User Trained, User Untrained, string BadgeId)> TwoWorkers()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (trained, _) = await Member(office, programmeId);
        var untrained = await SignUp(Role.Worker);
        foreach (var worker in new[] { trained, untrained })
            await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile()));
        return (trained, untrained, await CompletedCourse(office, programmeId, trained));
    }

    [Test]
    public async Task Worker_search_filters_by_a_badge_with_words_a_region_a_skill_or_alone()
    {
        var (trained, untrained, badgeId) = await TwoWorkers();
        var business = await SignUp(Role.Business);
        async Task<string[]> Found(string query) =>
            (await Ok(await business.Http.GetAsync("/api/workers?" + query)))["items"]!.AsArray().Select(w => Str(w!["workerId"])).ToArray();

        Assert.That(await Found(""), Is.SupersetOf(new[] { trained.Id, untrained.Id }));
        Assert.That(await Found($"badge={badgeId}"), Is.EqualTo(new[] { trained.Id }));
        Assert.That(await Found($"badge={badgeId}&skill=RPA"), Is.EqualTo(new[] { trained.Id }));
        Assert.That(await Found($"badge={badgeId}&q={Uri.EscapeDataString("データ入力")}"), Is.EqualTo(new[] { trained.Id }));
        Assert.That(await Found($"badge={badgeId}&region={Uri.EscapeDataString("長野県")}"), Is.EqualTo(new[] { trained.Id }));
        Assert.That(await Found("badge=no-such-badge"), Is.Empty);
        var trainedProfile = (await Ok(await business.Http.GetAsync($"/api/workers?badge={badgeId}")))["items"]![0]!;
        Assert.That(trainedProfile["badges"]!.AsArray().Select(b => Str(b)), Does.Contain("RPA研修修了"));
    }

    [Test]
    public async Task Recommendations_for_a_job_that_names_a_badge_put_its_holders_first_and_say_why()
    {
        var (trained, untrained, badgeId) = await TwoWorkers();
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, new
        {
            title = "データ入力（入門）", description = "名簿の入力", category = "dataEntry", budgetMin = 5_000, budgetMax = 10_000,
            deadline = DateTimeOffset.UtcNow.AddDays(30), region = "長野県立科町", beginners = true, beginnerBadgeId = badgeId,
        });
        var plain = await PostJob(business, new
        {
            title = "データ入力", description = "名簿の入力", category = "dataEntry", budgetMin = 5_000, budgetMax = 10_000,
            deadline = DateTimeOffset.UtcNow.AddDays(30), region = "長野県立科町",
        });
        async Task<(JsonNode Trained, JsonNode Untrained, string[] Order)> Recommended(JsonObject j)
        {
            var list = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(j)}/recommended-workers?limit=50"))!;
            return (list.Single(w => Str(w!["workerId"]) == trained.Id)!, list.Single(w => Str(w!["workerId"]) == untrained.Id)!,
                list.Select(w => Str(w!["workerId"])).Where(id => id == trained.Id || id == untrained.Id).ToArray());
        }

        var named = await Recommended(job);
        Assert.That(named.Order, Is.EqualTo(new[] { trained.Id, untrained.Id }));
        Assert.That(named.Trained["score"]!.GetValue<int>() - named.Untrained["score"]!.GetValue<int>(), Is.EqualTo(20));
        Assert.That((named.Trained["badgeMatch"]!.GetValue<bool>(), named.Untrained["badgeMatch"]!.GetValue<bool>()), Is.EqualTo((true, false)));
        Assert.That(named.Trained["reasons"]!.AsArray().Select(r => Str(r)), Does.Contain("Holds the badge the job names (RPA研修修了)"));

        // A job that names no badge weighs none: the same profiles score the same, the newer worker first on the tie.
        var none = await Recommended(plain);
        Assert.That(none.Trained["score"]!.GetValue<int>(), Is.EqualTo(none.Untrained["score"]!.GetValue<int>()));
        Assert.That(none.Trained["badgeMatch"]!.GetValue<bool>(), Is.False);
        Assert.That(none.Order, Is.EqualTo(new[] { untrained.Id, trained.Id }));
    }
}
