using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 23, the team: a worker makes a team and directs it, invites members by e-mail, who accept or decline; the team
/// bids through its director or a leader, the business sees the team and its members, and the contract it awards is
/// the team's, represented by its director, whose terms notice names both.
/// </summary>
public sealed class TeamTests : TeamTest
{
    [Test]
    public async Task A_team_shows_its_public_face_to_anyone_signed_in()
    {
        var team = await Team(members: 2, withLeader: true);
        var business = await SignUp(Role.Business);
        var face = await Ok(await business.Http.GetAsync($"/api/teams/{team.TeamId}"));
        Assert.That(Str(face["name"]), Is.EqualTo("塩尻テレワークチームA"));
        Assert.That(Str(face["region"]), Is.EqualTo("長野県塩尻市"));
        Assert.That(face["skills"]!.AsArray().Select(s => Str(s)), Is.EqualTo(new[] { "dataEntry", "transcription" }));
        Assert.That(face["members"]!.AsArray().Select(m => Str(m!["role"])), Is.EqualTo(new[] { "director", "leader", "member" }));
        Assert.That(face["completedContracts"]!.GetValue<int>(), Is.Zero);
        Assert.That(face["myRole"], Is.Null);
        Assert.That(Str((await Ok(await team.Members[1].Http.GetAsync($"/api/teams/{team.TeamId}")))["myRole"]), Is.EqualTo("member"));
        var found = await business.Http.GetFromJsonAsync<JsonArray>("/api/teams?q=テレワーク&region=塩尻");
        Assert.That(found!.Select(t => Str(t!["id"])), Does.Contain(team.TeamId));
        Assert.That(found!.Single(t => Str(t!["id"]) == team.TeamId)!["memberCount"]!.GetValue<int>(), Is.EqualTo(3));
        await Problem(await business.Http.GetAsync("/api/teams/nope"), HttpStatusCode.NotFound);
        await Problem(await business.Http.PostAsJsonAsync("/api/teams", new { name = "x", description = "", region = "", skills = Array.Empty<string>() }), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_invitation_by_email_is_answered_once_by_the_person_with_that_address()
    {
        var director = await SignUp(Role.Worker);
        var invited = await SignUp(Role.Worker, "田中 花子");
        var other = await SignUp(Role.Worker);
        var teamId = await MakeTeam(director);
        var invitation = await Created(await director.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = invited.Email.ToUpperInvariant(), role = "member" }));
        Assert.That(Kind(invited.Id, "teamInvited"), Is.EqualTo(1), "an account at the address is told");
        await Conflict(await director.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = invited.Email, role = "leader" }), "alreadyInvited");
        await Problem(await director.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = "not an address", role = "member" }), HttpStatusCode.BadRequest);
        await Problem(await director.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = other.Email, role = "director" }), HttpStatusCode.BadRequest);
        await Problem(await other.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = other.Email, role = "member" }), HttpStatusCode.NotFound);

        var mine = await invited.Http.GetFromJsonAsync<JsonArray>("/api/me/team-invitations");
        Assert.That(mine!.Select(i => Str(i!["id"])), Is.EqualTo(new[] { Id(invitation) }));
        Assert.That(await other.Http.GetFromJsonAsync<JsonArray>("/api/me/team-invitations"), Is.Empty);
        await Problem(await other.Http.PostAsync($"/api/team-invitations/{Id(invitation)}/accept", null), HttpStatusCode.NotFound);

        var accepted = await Ok(await invited.Http.PostAsync($"/api/team-invitations/{Id(invitation)}/accept", null));
        Assert.That(Str(accepted["status"]), Is.EqualTo("accepted"));
        Assert.That((await Ok(await invited.Http.GetAsync("/api/notifications")))["unreadCount"]!.GetValue<int>(), Is.Zero,
            "answered on the teams page, the invitation's notice is read with it");
        await Conflict(await invited.Http.PostAsync($"/api/team-invitations/{Id(invitation)}/decline", null), "invitationAnswered");
        Assert.That(Kind(director.Id, "teamMemberJoined"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM events WHERE type = 'team.member.joined'"), Is.EqualTo(1));
        var teams = await invited.Http.GetFromJsonAsync<JsonArray>("/api/me/teams");
        Assert.That(teams!.Select(t => Str(t!["role"])), Is.EqualTo(new[] { "member" }));
        await Conflict(await director.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = invited.Email, role = "member" }), "alreadyInvited");

        var declined = await Created(await director.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = other.Email, role = "leader" }));
        Assert.That(Kind(other.Id, "teamInvited"), Is.EqualTo(1));
        Assert.That(Str((await Ok(await other.Http.PostAsync($"/api/team-invitations/{Id(declined)}/decline", null)))["status"]), Is.EqualTo("declined"));
        Assert.That((await Ok(await other.Http.GetAsync("/api/notifications")))["unreadCount"]!.GetValue<int>(), Is.Zero, "declined too");
        Assert.That((await Ok(await director.Http.GetAsync($"/api/teams/{teamId}")))["members"]!.AsArray(), Has.Count.EqualTo(2));
    }

    /// <summary>A team's contract pays its members out of its one release: a team bid is not awarded with milestones.</summary>
    [Test]
    public async Task A_team_bid_is_not_awarded_with_milestones()
    {
        var team = await Team(members: 1);
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, new { title = "入力", description = "d", category = "dataEntry", budgetMin = 1, budgetMax = 100_000, deadline = Time.GetUtcNow().AddDays(60) });
        var bid = await Created(await team.Director.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids",
            new { amount = 100_000, deliveryDays = 20, message = "チームで対応します", teamId = team.TeamId }));
        var today = DateOnly.FromDateTime(Time.GetUtcNow().AddHours(9).UtcDateTime);
        var problem = await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new
        {
            bidId = Id(bid),
            milestones = new[] { new { title = "前半", amount = 50_000, dueOn = today.AddDays(10) }, new { title = "後半", amount = 50_000, dueOn = today.AddDays(20) } },
        }), HttpStatusCode.BadRequest);
        Assert.That(problem.ToJsonString(), Does.Contain("teamContractMilestones"));
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero);
    }

    [Test]
    public async Task A_person_can_be_in_several_teams()
    {
        var member = await SignUp(Role.Worker);
        var first = await SignUp(Role.Worker);
        var second = await SignUp(Role.Worker);
        var a = await MakeTeam(first, "チームA");
        var b = await MakeTeam(second, "チームB");
        await Join(first, a, member);
        await Join(second, b, member, "leader");
        var teams = await member.Http.GetFromJsonAsync<JsonArray>("/api/me/teams");
        Assert.That(teams!.Select(t => Str(t!["name"]) + ":" + Str(t!["role"])), Is.EquivalentTo(new[] { "チームA:member", "チームB:leader" }));
        var hours = await Ok(await member.Http.PutAsJsonAsync($"/api/teams/{a}/members/me", new { weeklyHours = 12 }));
        Assert.That(hours["weeklyHours"]!.GetValue<int>(), Is.EqualTo(12));
        await Problem(await member.Http.PutAsJsonAsync($"/api/teams/{a}/members/me", new { weeklyHours = 169 }), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_leader_bids_for_the_team_and_the_business_sees_the_team_with_its_members()
    {
        var team = await Team(members: 2, withLeader: true);
        var leader = team.Members[0];
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: 100_000));
        Task<HttpResponseMessage> BidAs(User who, string? teamId) =>
            who.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 90_000, deliveryDays = 20, message = "チームで", teamId });

        await Problem(await BidAs(team.Members[1], team.TeamId), HttpStatusCode.Forbidden);
        await Problem(await BidAs(await SignUp(Role.Worker), team.TeamId), HttpStatusCode.NotFound);
        var bid = await Created(await BidAs(leader, team.TeamId));
        Assert.That(Str(bid["team"]!["id"]), Is.EqualTo(team.TeamId));
        await Conflict(await BidAs(team.Director, team.TeamId), "bidExists");

        var bids = await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids");
        var seen = bids!.Single()!.AsObject();
        Assert.That(Str(seen["team"]!["name"]), Is.EqualTo("塩尻テレワークチームA"));
        Assert.That(Str(seen["team"]!["directorName"]), Is.EqualTo("監督 由美"));
        Assert.That(seen["team"]!["members"]!.AsArray().Select(m => Str(m!["userId"])),
            Is.EqualTo(new[] { team.Director.Id, leader.Id, team.Members[1].Id }));

        var contract = await Award(business, Id(job), Id(bid));
        Assert.That(Str(contract["workerId"]), Is.EqualTo(team.Director.Id), "the director represents the team");
        Assert.That(Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{Id(contract)}' AND team_id = '{team.TeamId}'"), Is.EqualTo(1));
        // The contract's page names the team, so that its director's page asks for the tasks only of a team's contract.
        Assert.That(Str((await Ok(await team.Director.Http.GetAsync($"/api/contracts/{Id(contract)}")))["teamId"]), Is.EqualTo(team.TeamId));
        var single = await PostJob(business);
        var alone = await Award(business, Id(single), Id(await PlaceBid(team.Members[1], Id(single))));
        Assert.That((await Ok(await team.Members[1].Http.GetAsync($"/api/contracts/{Id(alone)}")))["teamId"], Is.Null, "one worker's contract");
        var terms = await TermsOf(business, Id(contract));
        Assert.That(Str(terms["terms"]!["team"]!["name"]), Is.EqualTo("塩尻テレワークチームA"));
        Assert.That(Str(terms["terms"]!["worker"]!["id"]), Is.EqualTo(team.Director.Id));
        Assert.That(Str(terms["terms"]!["worker"]!["name"]), Is.EqualTo("監督 由美"));
    }

    [Test]
    public async Task The_director_removes_a_member_only_once_its_open_tasks_are_reassigned_and_hands_the_team_to_a_leader()
    {
        var deal = await TeamContract(team: await Team(members: 2, withLeader: true));
        var (leader, member) = (deal.Team.Members[0], deal.Team.Members[1]);
        var task = await NewTask(deal.Director, deal.ContractId, member, 10_000);
        await Conflict(await deal.Director.Http.DeleteAsync($"/api/teams/{deal.Team.TeamId}/members/{member.Id}"), "memberHasOpenTasks");
        await Problem(await leader.Http.DeleteAsync($"/api/teams/{deal.Team.TeamId}/members/{member.Id}"), HttpStatusCode.Forbidden);
        await Ok(await deal.Director.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/reassign", new { assigneeId = leader.Id }));
        var after = await Ok(await deal.Director.Http.DeleteAsync($"/api/teams/{deal.Team.TeamId}/members/{member.Id}"));
        Assert.That(after["members"]!.AsArray().Select(m => Str(m!["userId"])), Does.Not.Contain(member.Id));
        await Problem(await member.Http.GetAsync($"/api/teams/{deal.Team.TeamId}/board"), HttpStatusCode.NotFound);

        await Problem(await deal.Director.Http.PostAsJsonAsync($"/api/teams/{deal.Team.TeamId}/director", new { userId = member.Id }), HttpStatusCode.BadRequest);
        var handed = await Ok(await deal.Director.Http.PostAsJsonAsync($"/api/teams/{deal.Team.TeamId}/director", new { userId = leader.Id }));
        Assert.That(Str(handed["directorId"]), Is.EqualTo(leader.Id));
        Assert.That(Str(handed["myRole"]), Is.EqualTo("leader"));
        await Problem(await deal.Director.Http.PostAsJsonAsync($"/api/teams/{deal.Team.TeamId}/invitations", new { email = member.Email, role = "member" }), HttpStatusCode.Forbidden);
        await Created(await leader.Http.PostAsJsonAsync($"/api/teams/{deal.Team.TeamId}/invitations", new { email = member.Email, role = "member" }));
    }
}
