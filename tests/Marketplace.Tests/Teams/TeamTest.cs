using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>A team under a director, its members joined by invitation, and a team contract awarded to its bid.</summary>
public abstract class TeamTest : DealTest
{
    protected sealed record TeamOf(User Director, string TeamId, User[] Members);

    protected sealed record TeamDeal(User Business, TeamOf Team, string JobId, string BidId, JsonObject Contract)
    {
        public User Director => Team.Director;
        public string ContractId => Contract["id"]!.GetValue<string>();
    }

    protected async Task<string> MakeTeam(User director, string name = "塩尻テレワークチームA", int weeklyHours = 10) =>
        Id(await Created(await director.Http.PostAsJsonAsync("/api/teams", new
        {
            name, description = "データ入力と文字起こしのチーム", region = "長野県塩尻市", skills = new[] { "dataEntry", "transcription" }, weeklyHours,
        })));

    /// <summary>The director invites <paramref name="person"/> by its e-mail address and it accepts.</summary>
    protected async Task Join(User director, string teamId, User person, string role = "member")
    {
        var invitation = await Created(await director.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = person.Email, role }));
        await Ok(await person.Http.PostAsync($"/api/team-invitations/{Id(invitation)}/accept", null));
    }

    /// <summary>A director with <paramref name="members"/> members (the first a leader when <paramref name="withLeader"/>).</summary>
    protected async Task<TeamOf> Team(int members = 3, bool withLeader = false, string[]? names = null)
    {
        var director = await SignUp(Role.Worker, "監督 由美");
        var teamId = await MakeTeam(director);
        var people = new List<User>();
        for (var i = 0; i < members; i++)
        {
            var member = await SignUp(Role.Worker, names?[i]);
            await Join(director, teamId, member, withLeader && i == 0 ? "leader" : "member");
            people.Add(member);
        }
        return new TeamOf(director, teamId, [.. people]);
    }

    /// <summary>
    /// A business's job awarded to the team's bid (placed by its director): dataEntry by default, which no tax is withheld
    /// on; <paramref name="category"/> "design" with a withholding agent business withholds on the individual director.
    /// </summary>
    protected async Task<TeamDeal> TeamContract(long amount = 100_000, TeamOf? team = null, string category = "dataEntry", bool agent = false)
    {
        team ??= await Team();
        var business = await SignUp(Role.Business, "塩尻商事");
        if (agent) await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var job = await PostJob(business, new
        {
            title = "顧客データの入力", description = "3000件", category, budgetMin = 1, budgetMax = amount,
            deadline = Time.GetUtcNow().AddDays(60),
        });
        var bid = await Created(await team.Director.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids",
            new { amount, deliveryDays = 20, message = "チームで対応します", teamId = team.TeamId }));
        var contract = await Award(business, Id(job), Id(bid));
        return new TeamDeal(business, team, Id(job), Id(bid), contract);
    }

    protected async Task<JsonObject> NewTask(User by, string contractId, User assignee, long amount, int hours = 5, DateTimeOffset? dueAt = null, string title = "入力 1〜1000件") =>
        await Created(await PostTask(by, contractId, assignee, amount, hours, dueAt, title));

    protected Task<HttpResponseMessage> PostTask(User by, string contractId, User assignee, long amount, int hours = 5, DateTimeOffset? dueAt = null, string title = "入力 1〜1000件") =>
        by.Http.PostAsJsonAsync($"/api/contracts/{contractId}/tasks", new
        {
            title, instructions = "マニュアルの手順どおりに", amount, hours, dueAt = dueAt ?? Time.GetUtcNow().AddDays(10), assigneeId = assignee.Id,
        });

    protected async Task<JsonObject> Deliver(User member, string taskId) =>
        await Created(await member.Http.PostAsJsonAsync($"/api/tasks/{taskId}/submissions", new { message = "できました" }));

    /// <summary>The person downloads the file (200 with its bytes).</summary>
    protected static async Task Reads(User user, string fileId)
    {
        var response = await user.Http.GetAsync($"/api/files/{fileId}");
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), $"{user.DisplayName} reads the file");
    }

    protected async Task<JsonObject> Approve(User director, string taskId) =>
        await Ok(await director.Http.PostAsync($"/api/tasks/{taskId}/approve", null));
}
