using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 23: a member sees only its own tasks; a stranger and another team's member learn nothing of a team's tasks,
/// board or contract tasks: every route answers them 404, and changes nothing.
/// </summary>
public sealed class TeamVisibilityTests : TeamTest
{
    [Test]
    public async Task Strangers_and_another_teams_members_get_404_on_every_team_route()
    {
        var deal = await TeamContract();
        var task = await NewTask(deal.Director, deal.ContractId, deal.Team.Members[0], 10_000);
        var invitation = await Created(await deal.Director.Http.PostAsJsonAsync($"/api/teams/{deal.Team.TeamId}/invitations",
            new { email = "someone@test.example", role = "member" }));
        var other = await Team(members: 1);
        var outsiders = new[] { await SignUp(Role.Worker), other.Members[0], other.Director };
        var (teamId, taskId, contractId, memberId) = (deal.Team.TeamId, Id(task), deal.ContractId, deal.Team.Members[0].Id);

        foreach (var outsider in outsiders)
        {
            var h = outsider.Http;
            var responses = new Dictionary<string, HttpResponseMessage>
            {
                ["board"] = await h.GetAsync($"/api/teams/{teamId}/board"),
                ["invite"] = await h.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = outsider.Email, role = "member" }),
                ["accept someone else's invitation"] = await h.PostAsync($"/api/team-invitations/{Id(invitation)}/accept", null),
                ["decline someone else's invitation"] = await h.PostAsync($"/api/team-invitations/{Id(invitation)}/decline", null),
                ["remove a member"] = await h.DeleteAsync($"/api/teams/{teamId}/members/{memberId}"),
                ["hand over"] = await h.PostAsJsonAsync($"/api/teams/{teamId}/director", new { userId = outsider.Id }),
                ["state hours"] = await h.PutAsJsonAsync($"/api/teams/{teamId}/members/me", new { weeklyHours = 5 }),
                ["create a task"] = await h.PostAsJsonAsync($"/api/contracts/{contractId}/tasks",
                    new { title = "t", instructions = "", amount = 1_000, hours = 1, dueAt = Time.GetUtcNow().AddDays(1), assigneeId = outsider.Id }),
                ["contract tasks"] = await h.GetAsync($"/api/contracts/{contractId}/tasks"),
                ["task"] = await h.GetAsync($"/api/tasks/{taskId}"),
                ["task terms"] = await h.GetAsync($"/api/tasks/{taskId}/terms"),
                ["deliver"] = await h.PostAsJsonAsync($"/api/tasks/{taskId}/submissions", new { message = "x" }),
                ["approve"] = await h.PostAsync($"/api/tasks/{taskId}/approve", null),
                ["return"] = await h.PostAsJsonAsync($"/api/tasks/{taskId}/return", new { reason = "x" }),
                ["reassign"] = await h.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { assigneeId = outsider.Id }),
            };
            foreach (var (route, response) in responses)
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{outsider.DisplayName}: {route}");
            Assert.That((await h.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/me/tasks"))!, Is.Empty);
        }
        Assert.That(Scalar($"SELECT COUNT(*) FROM task_steps WHERE task_id = '{taskId}'"), Is.EqualTo(1), "nothing changed");
        Assert.That(Scalar($"SELECT COUNT(*) FROM tasks"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_member_sees_only_its_own_tasks()
    {
        var deal = await TeamContract();
        var (a, b) = (deal.Team.Members[0], deal.Team.Members[1]);
        var hers = await NewTask(deal.Director, deal.ContractId, a, 10_000);
        var his = await NewTask(deal.Director, deal.ContractId, b, 10_000);
        await Ok(await a.Http.GetAsync($"/api/tasks/{Id(hers)}"));
        await Problem(await a.Http.GetAsync($"/api/tasks/{Id(his)}"), HttpStatusCode.NotFound);
        await Problem(await a.Http.GetAsync($"/api/tasks/{Id(his)}/terms"), HttpStatusCode.NotFound);
        await Problem(await a.Http.PostAsJsonAsync($"/api/tasks/{Id(his)}/submissions", new { message = "x" }), HttpStatusCode.NotFound);
        await Problem(await a.Http.GetAsync($"/api/contracts/{deal.ContractId}/tasks"), HttpStatusCode.NotFound);
        await Problem(await a.Http.GetAsync($"/api/contracts/{deal.ContractId}"), HttpStatusCode.NotFound);
        await Problem(await a.Http.GetAsync($"/api/teams/{deal.Team.TeamId}/board"), HttpStatusCode.Forbidden);
        var mine = await a.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/me/tasks");
        Assert.That(mine!.Select(t => Str(t!["id"])), Is.EqualTo(new[] { Id(hers) }));
    }
}
