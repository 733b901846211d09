using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 23, the team's own thread: the team's director, leaders and members (not removed ones) post and read messages with
/// files; a removed member, another team's member, the business and a stranger get 404 and read none of its files. Unread
/// counts and notifications work as a contract's thread's do.
/// </summary>
public sealed class TeamThreadTests : TeamTest
{
    private static Task<HttpResponseMessage> Post(User user, string teamId, string body, params string[] fileIds) =>
        user.Http.PostAsJsonAsync($"/api/teams/{teamId}/messages", new { body, fileIds });

    [Test]
    public async Task Every_member_of_the_team_posts_and_reads_the_thread_with_its_files()
    {
        var team = await Team(members: 2, withLeader: true);
        var (leader, member) = (team.Members[0], team.Members[1]);
        var manual = Id(await Created(await team.Director.Http.Upload(Uploads.Pdf, "手順書.pdf")));
        var first = await Created(await Post(team.Director, team.TeamId, "今週の手順書です", manual));
        Assert.That(first["files"]!.AsArray().Select(f => Str(f!["name"])), Is.EqualTo(new[] { "手順書.pdf" }));
        await Created(await Post(leader, team.TeamId, "確認しました"));
        await Created(await Post(member, team.TeamId, "明日は午前だけ作業します"));

        foreach (var who in new[] { team.Director, leader, member })
        {
            var page = await Ok(await who.Http.GetAsync($"/api/teams/{team.TeamId}/messages"));
            Assert.That(page["items"]!.AsArray().Select(m => Str(m!["body"])),
                Is.EqualTo(new[] { "今週の手順書です", "確認しました", "明日は午前だけ作業します" }), who.DisplayName);
            await Reads(who, manual);
        }
        await Problem(await Post(member, team.TeamId, "   "), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Outsiders_and_removed_members_get_404_and_read_none_of_its_files()
    {
        var deal = await TeamContract(team: await Team(members: 2));
        var team = deal.Team;
        var photo = Id(await Created(await team.Members[0].Http.Upload(Uploads.Png, "作業風景.png")));
        var message = await Created(await Post(team.Members[0], team.TeamId, "写真です", photo));
        await Ok(await team.Director.Http.DeleteAsync($"/api/teams/{team.TeamId}/members/{team.Members[1].Id}"));
        var anotherTeam = await Team(members: 1);

        foreach (var outsider in new[] { team.Members[1], await SignUp(Role.Worker), anotherTeam.Director, anotherTeam.Members[0], deal.Business })
        {
            await Problem(await outsider.Http.GetAsync($"/api/teams/{team.TeamId}/messages"), HttpStatusCode.NotFound);
            await Problem(await Post(outsider, team.TeamId, "こんにちは"), HttpStatusCode.NotFound);
            await Problem(await outsider.Http.PostAsJsonAsync($"/api/teams/{team.TeamId}/messages/read", new { upTo = Id(message) }), HttpStatusCode.NotFound);
            await Problem(await outsider.Http.GetAsync($"/api/files/{photo}"), HttpStatusCode.NotFound);
        }
        Assert.That(Scalar($"SELECT COUNT(*) FROM team_messages WHERE team_id = '{team.TeamId}'"), Is.EqualTo(1), "nothing was posted");
    }

    [Test]
    public async Task The_others_are_told_and_count_the_message_unread_until_they_read_it()
    {
        var team = await Team(members: 2);
        var (a, b) = (team.Members[0], team.Members[1]);
        var message = await Created(await Post(a, team.TeamId, "資料を共有します"));

        Assert.That(Kind(team.Director.Id, "teamMessageReceived"), Is.EqualTo(1));
        Assert.That(Kind(b.Id, "teamMessageReceived"), Is.EqualTo(1));
        Assert.That(Kind(a.Id, "teamMessageReceived"), Is.Zero, "the sender is not told of its own message");
        var notice = (await Ok(await b.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Single(n => Str(n!["kind"]) == "teamMessageReceived")!;
        Assert.That((Str(notice["teamId"]), Str(notice["teamName"])), Is.EqualTo((team.TeamId, Str((await Ok(await b.Http.GetAsync($"/api/teams/{team.TeamId}")))["name"]))),
            "the notification names the team and opens its page");
        Assert.That(Scalar($"SELECT COUNT(*) FROM mail_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.kind = 'teamMessageReceived'"), Is.EqualTo(2));

        var unread = async (User who) => (await Ok(await who.Http.GetAsync("/api/me/unread-messages")))["unreadMessages"]!.GetValue<int>();
        Assert.That(await unread(b), Is.EqualTo(1));
        Assert.That(await unread(a), Is.Zero);
        var parts = await Ok(await b.Http.GetAsync("/api/me/unread-messages"));
        Assert.That((parts["inContracts"]!.GetValue<int>(), parts["inTeams"]!.GetValue<int>()), Is.EqualTo((0, 1)), "the menu shows it by Teams, not Contracts");
        var page = await Ok(await b.Http.GetAsync($"/api/teams/{team.TeamId}/messages"));
        Assert.That(page["unreadMessages"]!.GetValue<int>(), Is.EqualTo(1));
        var read = await Ok(await b.Http.PostAsJsonAsync($"/api/teams/{team.TeamId}/messages/read", new { upTo = Id(message) }));
        Assert.That(read["unreadMessages"]!.GetValue<int>(), Is.Zero);
        Assert.That(await unread(b), Is.Zero);
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{b.Id}' AND kind = 'teamMessageReceived' AND read_at IS NULL"), Is.Zero,
            "reading the thread reads its notifications");
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{team.Director.Id}' AND kind = 'teamMessageReceived' AND read_at IS NULL"),
            Is.EqualTo(1), "only the reader's");
        Assert.That(await unread(team.Director), Is.EqualTo(1));
        await Problem(await b.Http.PostAsJsonAsync($"/api/teams/{team.TeamId}/messages/read", new { upTo = "nope" }), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_team_threads_run_of_messages_is_one_notice_read_with_the_thread_and_no_other_teams()
    {
        var team = await Team(members: 1);
        var member = team.Members[0];
        var otherDirector = await SignUp(Role.Worker, "西海 監督");
        var otherTeam = await MakeTeam(otherDirector, "西海チームB");
        await Join(otherDirector, otherTeam, member);
        var elsewhere = await Created(await Post(otherDirector, otherTeam, "別の班から"));
        var first = await Created(await Post(team.Director, team.TeamId, "一通目"));
        var second = await Created(await Post(team.Director, team.TeamId, "二通目"));
        bool Unread(JsonObject message) =>
            Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{member.Id}' AND event_key = 'team-message:{Id(message)}' AND read_at IS NULL") == 1;
        Assert.That((Unread(elsewhere), Unread(first), Unread(second)), Is.EqualTo((true, true, false)),
            "one notice for the run of this team's messages; the other team's notice is not this team's run");

        await Ok(await member.Http.PostAsJsonAsync($"/api/teams/{team.TeamId}/messages/read", new { upTo = Id(first) }));
        var later = await Created(await Post(team.Director, team.TeamId, "三通目"));
        Assert.That((Unread(elsewhere), Unread(first), Unread(later)), Is.EqualTo((true, false, true)),
            "the message read is read; another team's earlier message is not, and the next message here is news again");
        await Ok(await member.Http.PostAsJsonAsync($"/api/teams/{otherTeam}/messages/read", new { upTo = Id(elsewhere) }));
        Assert.That((Unread(elsewhere), Unread(later)), Is.EqualTo((false, true)));
    }

    [Test]
    public async Task Messages_posted_at_the_same_moment_by_every_member_make_one_notice_for_each_reader()
    {
        // On a server engine each post runs beside the others: only the database can let one notice stand (migration 0050).
        var team = await Team(members: 3, withLeader: true);
        var everyone = new[] { team.Director }.Concat(team.Members).ToArray();
        var posts = await Task.WhenAll(everyone.SelectMany(who => Enumerable.Range(1, 3).Select(i => Task.Run(() => Post(who, team.TeamId, $"同時に{i}")))));
        Assert.That(posts.Select(p => p.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        foreach (var reader in everyone)
            Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{reader.Id}' AND kind = 'teamMessageReceived' AND read_at IS NULL"),
                Is.EqualTo(1), reader.DisplayName);
    }
}
