using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Tests;

/// <summary>
/// Issue 23, backups: a member marks the days it cannot work (the reason stays its own); the director's board shows each
/// member's weekly hours against its open tasks' hours, who is away today or in the next seven days, and the tasks at
/// risk — the member away before the due date, or due within 24 hours with nothing delivered.
/// </summary>
public sealed class BoardTests : TeamTest
{
    private async Task<JsonObject> Board(TeamDeal deal) => await Ok(await deal.Director.Http.GetAsync($"/api/teams/{deal.Team.TeamId}/board"));

    private static JsonObject Row(JsonObject board, User member) =>
        board["members"]!.AsArray().Single(m => Str(m!["userId"]) == member.Id)!.AsObject();

    [Test]
    public async Task The_board_sets_each_members_weekly_hours_against_its_open_tasks()
    {
        var deal = await TeamContract();
        var (a, b) = (deal.Team.Members[0], deal.Team.Members[1]);
        await Ok(await a.Http.PutAsJsonAsync($"/api/teams/{deal.Team.TeamId}/members/me", new { weeklyHours = 15 }));
        await NewTask(deal.Director, deal.ContractId, a, 10_000, hours: 6);
        await NewTask(deal.Director, deal.ContractId, a, 10_000, hours: 4);
        var delivered = await NewTask(deal.Director, deal.ContractId, b, 10_000, hours: 8);
        await Deliver(b, Id(delivered));

        var board = await Board(deal);
        Assert.That(Row(board, a)["weeklyHours"]!.GetValue<int>(), Is.EqualTo(15));
        Assert.That(Row(board, a)["openTaskHours"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(Row(board, a)["openTasks"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Row(board, b)["openTaskHours"]!.GetValue<int>(), Is.Zero, "a delivered task is no longer work to do");
        Assert.That(Row(board, deal.Director)["weeklyHours"]!.GetValue<int>(), Is.EqualTo(10));
    }

    [Test]
    public async Task A_member_away_within_the_week_shows_and_its_tasks_due_after_are_at_risk()
    {
        var deal = await TeamContract();
        var (sick, well, later) = (deal.Team.Members[0], deal.Team.Members[1], deal.Team.Members[2]);
        var today = JapanDay(Time.GetUtcNow());
        var mark = await Created(await sick.Http.PostAsJsonAsync("/api/me/unavailability", new { from = Day(today.AddDays(3)), to = Day(today.AddDays(4)), reason = "子どもの発熱" }));
        Assert.That(Str(mark["reason"]), Is.EqualTo("子どもの発熱"));
        await Created(await later.Http.PostAsJsonAsync("/api/me/unavailability", new { from = Day(today.AddDays(8)), to = Day(today.AddDays(9)), reason = "" }));
        await Problem(await well.Http.PostAsJsonAsync("/api/me/unavailability", new { from = Day(today.AddDays(2)), to = Day(today.AddDays(1)), reason = "" }), HttpStatusCode.BadRequest);
        var atRisk = await NewTask(deal.Director, deal.ContractId, sick, 10_000, dueAt: Time.GetUtcNow().AddDays(5));
        var before = await NewTask(deal.Director, deal.ContractId, sick, 10_000, dueAt: Unavailability(today.AddDays(3)).AddMinutes(-1));
        var fine = await NewTask(deal.Director, deal.ContractId, well, 10_000, dueAt: Time.GetUtcNow().AddDays(5));
        var dueSoon = await NewTask(deal.Director, deal.ContractId, well, 10_000, dueAt: Time.GetUtcNow().AddHours(23));
        var dueLater = await NewTask(deal.Director, deal.ContractId, later, 10_000, dueAt: Time.GetUtcNow().AddHours(25));

        var board = await Board(deal);
        Assert.That(Str(Row(board, sick)["awayFrom"]), Is.EqualTo(Day(today.AddDays(3))));
        Assert.That(Str(Row(board, sick)["awayTo"]), Is.EqualTo(Day(today.AddDays(4))));
        Assert.That(Row(board, well)["awayFrom"], Is.Null);
        Assert.That(Row(board, later)["awayFrom"], Is.Null, "the eighth day from today is outside the week");
        Assert.That(board.ToJsonString(), Does.Not.Contain("子どもの発熱"), "the reason stays the member's own");
        var risks = board["tasksAtRisk"]!.AsArray().ToDictionary(r => Str(r!["taskId"]), r => Str(r!["reason"]));
        Assert.That(risks, Is.EqualTo(new Dictionary<string, string> { [Id(dueSoon)] = "dueSoon", [Id(atRisk)] = "assigneeAway" }));
        Assert.That(risks.Keys, Does.Not.Contain(Id(before)).And.Not.Contain(Id(fine)).And.Not.Contain(Id(dueLater)));

        // Reassigned to a member who is not away, the task is no longer at risk; delivered, the soon-due one neither.
        await Ok(await deal.Director.Http.PostAsJsonAsync($"/api/tasks/{Id(atRisk)}/reassign", new { assigneeId = well.Id }));
        await Deliver(well, Id(dueSoon));
        Assert.That((await Board(deal))["tasksAtRisk"]!.AsArray(), Is.Empty);
        var mine = await sick.Http.GetFromJsonAsync<JsonArray>("/api/me/unavailability");
        Assert.That(mine!, Has.Count.EqualTo(1));
    }

    private static DateTimeOffset Unavailability(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));
}
