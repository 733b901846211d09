using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 23, files on tasks: the director (or a leader) shares files with a member when making its task, and the member
/// delivers files with it. A member sees only its own tasks' files: the task's current member and the team's director and
/// leaders read them; another member of the team, another team's members and a stranger get 404. A reassignment moves the
/// task with its files: the new member reads them, the old one no longer does (file_audience, 0043).
/// </summary>
public sealed class TaskFilesTests : TeamTest
{
    private static async Task<string> Upload(User user, string name) => Id(await Created(await user.Http.Upload(Uploads.Pdf, name)));

    private static Task<HttpResponseMessage> Download(User user, string fileId) => user.Http.GetAsync($"/api/files/{fileId}");

    private async Task<JsonObject> TaskWithFiles(User by, string contractId, User assignee, params string[] fileIds) =>
        await Created(await by.Http.PostAsJsonAsync($"/api/contracts/{contractId}/tasks", new
        {
            title = "入力 1〜1000件", instructions = "マニュアルの手順どおりに", amount = 10_000, hours = 5, dueAt = Time.GetUtcNow().AddDays(10),
            assigneeId = assignee.Id, fileIds,
        }));

    [Test]
    public async Task The_member_reads_the_files_shared_with_its_task_and_no_one_outside_the_task_does()
    {
        var deal = await TeamContract(team: await Team(members: 3, withLeader: true));
        var (leader, member, other) = (deal.Team.Members[0], deal.Team.Members[1], deal.Team.Members[2]);
        var manual = await Upload(deal.Director, "作業マニュアル.pdf");
        var task = await TaskWithFiles(deal.Director, deal.ContractId, member, manual);

        var detail = await Ok(await member.Http.GetAsync($"/api/tasks/{Id(task)}"));
        Assert.That(detail["files"]!.AsArray().Select(f => Str(f!["name"])), Is.EqualTo(new[] { "作業マニュアル.pdf" }));
        await Reads(member, manual);
        await Reads(leader, manual);
        var anotherTeam = await Team(members: 1);
        foreach (var outsider in new[] { other, await SignUp(Role.Worker), anotherTeam.Director, anotherTeam.Members[0], deal.Business })
            await Problem(await Download(outsider, manual), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_reassigned_task_takes_its_files_to_the_new_member_and_the_old_one_no_longer_reads_them()
    {
        var deal = await TeamContract();
        var (sick, cover) = (deal.Team.Members[0], deal.Team.Members[1]);
        var manual = await Upload(deal.Director, "作業マニュアル.pdf");
        var task = await TaskWithFiles(deal.Director, deal.ContractId, sick, manual);
        await Reads(sick, manual);
        await Problem(await Download(cover, manual), HttpStatusCode.NotFound);

        await Ok(await deal.Director.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/reassign", new { assigneeId = cover.Id }));
        await Reads(cover, manual);
        var detail = await Ok(await cover.Http.GetAsync($"/api/tasks/{Id(task)}"));
        Assert.That(detail["files"]!.AsArray().Select(f => Str(f!["id"])), Is.EqualTo(new[] { manual }));
        await Problem(await Download(sick, manual), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_member_delivers_files_that_the_director_reads_and_the_team_s_other_members_do_not()
    {
        var deal = await TeamContract(team: await Team(members: 3, withLeader: true));
        var (leader, member, other) = (deal.Team.Members[0], deal.Team.Members[1], deal.Team.Members[2]);
        var task = await NewTask(deal.Director, deal.ContractId, member, 10_000);
        var work = await Upload(member, "入力結果.pdf");
        await Created(await member.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/submissions", new { message = "できました", fileIds = new[] { work } }));

        var detail = await Ok(await deal.Director.Http.GetAsync($"/api/tasks/{Id(task)}"));
        var delivery = detail["steps"]!.AsArray().Single(s => Str(s!["kind"]) == "submitted")!;
        Assert.That(delivery["files"]!.AsArray().Select(f => Str(f!["name"])), Is.EqualTo(new[] { "入力結果.pdf" }));
        Assert.That(detail["steps"]![0]!["files"]!.AsArray(), Is.Empty, "the assignment carried no files");
        await Reads(deal.Director, work);
        await Reads(leader, work);
        foreach (var outsider in new[] { other, await SignUp(Role.Worker), deal.Business })
            await Problem(await Download(outsider, work), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Task_files_follow_the_attachment_rules_of_every_other_attachment()
    {
        var deal = await TeamContract();
        var member = deal.Team.Members[0];
        var hers = await Upload(member, "本人のファイル.pdf");
        var refused = await Problem(await deal.Director.Http.PostAsJsonAsync($"/api/contracts/{deal.ContractId}/tasks", new
        {
            title = "t", instructions = "", amount = 1_000, hours = 1, dueAt = Time.GetUtcNow().AddDays(1), assigneeId = member.Id, fileIds = new[] { hers },
        }), HttpStatusCode.BadRequest);
        Assert.That(Str(refused["errors"]!["fileIds"]![0]), Does.Contain("uploaded"), "another's file is not the director's to share");
        Assert.That(Scalar($"SELECT COUNT(*) FROM tasks WHERE contract_id = '{deal.ContractId}'"), Is.Zero, "the refused task was not made");

        var manual = await Upload(deal.Director, "作業マニュアル.pdf");
        var task = await TaskWithFiles(deal.Director, deal.ContractId, member, manual);
        var tooMany = await Problem(await deal.Director.Http.PostAsJsonAsync($"/api/contracts/{deal.ContractId}/tasks", new
        {
            title = "t", instructions = "", amount = 1_000, hours = 1, dueAt = Time.GetUtcNow().AddDays(1), assigneeId = member.Id,
            fileIds = Enumerable.Range(0, 11).Select(i => $"f{i}").ToArray(),
        }), HttpStatusCode.BadRequest);
        Assert.That(tooMany["errors"]!["fileIds"], Is.Not.Null, "at most 10 files, as on every attachment");
        var again = await Problem(await deal.Director.Http.PostAsJsonAsync($"/api/contracts/{deal.ContractId}/messages",
            new { body = "", fileIds = new[] { manual } }), HttpStatusCode.BadRequest);
        Assert.That(again["errors"]!["fileIds"], Is.Not.Null, "a file on a task is attached: it cannot be attached again elsewhere");
        var delivered = await member.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/submissions", new { message = "できました", fileIds = new[] { manual } });
        await Problem(delivered, HttpStatusCode.BadRequest);
        Assert.That(Str((await Ok(await member.Http.GetAsync($"/api/tasks/{Id(task)}")))["task"]!["status"]), Is.EqualTo("assigned"),
            "a refused delivery delivers nothing");
    }
}
