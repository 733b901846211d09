using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 23, tasks: the director (or a leader) splits a team contract into members' tasks. The tasks add up to at most
/// the worker side's net (amount − platform fee − tax withheld), decided in the INSERT so two at once cannot pass it; a
/// task is due by the contract's deadline; each member gets the task's written terms, which follow a reassignment; the
/// member delivers and the director approves or returns.
/// </summary>
public sealed class TaskTests : TeamTest
{
    [Test]
    public async Task Tasks_add_up_to_at_most_the_amount_less_the_platform_fee()
    {
        // ¥100,000 of data entry (no withholding): the platform's 10% is ¥10,000, so the tasks may add up to ¥90,000.
        var deal = await TeamContract(100_000);
        var (a, b) = (deal.Team.Members[0], deal.Team.Members[1]);
        await NewTask(deal.Director, deal.ContractId, a, 60_000);
        var refused = await Problem(await PostTask(deal.Director, deal.ContractId, b, 30_001), HttpStatusCode.Conflict);
        Assert.That(Str(refused["code"]), Is.EqualTo("tasksAboveShare"));
        Assert.That(Str(refused["detail"]), Does.Contain("90000").And.Contain("30000 yen is left"));
        await NewTask(deal.Director, deal.ContractId, b, 30_000);
        var tasks = await Ok(await deal.Director.Http.GetAsync($"/api/contracts/{deal.ContractId}/tasks"));
        Assert.That(tasks["workerNet"]!.GetValue<long>(), Is.EqualTo(90_000));
        Assert.That(tasks["tasksTotal"]!.GetValue<long>(), Is.EqualTo(90_000));
        Assert.That(tasks["directorShare"]!.GetValue<long>(), Is.EqualTo(10_000), "the amount less the tasks: the fee comes out of it");
        Assert.That(tasks["unassigned"]!.GetValue<long>(), Is.Zero);
        await Conflict(await PostTask(deal.Director, deal.ContractId, b, 1), "tasksAboveShare");
    }

    [Test]
    public async Task Where_tax_is_withheld_the_tasks_leave_room_for_it_too()
    {
        // ¥100,000 of design for a withholding agent, the director an individual: ¥10,210 withheld (10.21%) and ¥10,000 fee.
        var deal = await TeamContract(100_000, category: "design", agent: true);
        Assert.That(deal.Contract["withholdingTax"]?.GetValue<long>() ?? Scalar($"SELECT withholding_tax FROM contracts WHERE id = '{deal.ContractId}'"), Is.EqualTo(10_210));
        await Conflict(await PostTask(deal.Director, deal.ContractId, deal.Team.Members[0], 79_791), "tasksAboveShare");
        await NewTask(deal.Director, deal.ContractId, deal.Team.Members[0], 79_790);
    }

    [Test]
    public async Task Two_task_creations_at_once_never_pass_the_cap()
    {
        var deal = await TeamContract(100_000);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            PostTask(deal.Director, deal.ContractId, deal.Team.Members[i % 3], 40_000))));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(2), "two of ¥40,000 fit in ¥90,000, a third does not");
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(4));
        Assert.That(Scalar($"SELECT SUM(amount) FROM tasks WHERE contract_id = '{deal.ContractId}'"), Is.EqualTo(80_000));
    }

    [Test]
    public async Task A_task_is_due_by_the_contracts_deadline_and_goes_to_a_member_of_the_team()
    {
        var deal = await TeamContract();
        var deadline = DateTimeOffset.Parse(Str(deal.Contract["deadline"]));
        var late = await Problem(await PostTask(deal.Director, deal.ContractId, deal.Team.Members[0], 1_000, dueAt: deadline.AddSeconds(1)), HttpStatusCode.BadRequest);
        Assert.That(late["errors"]!["dueAt"], Is.Not.Null);
        await NewTask(deal.Director, deal.ContractId, deal.Team.Members[0], 1_000, dueAt: deadline);
        var stranger = await SignUp(Role.Worker);
        var notMember = await Problem(await PostTask(deal.Director, deal.ContractId, stranger, 1_000), HttpStatusCode.BadRequest);
        Assert.That(notMember["errors"]!["assigneeId"], Is.Not.Null);
        await Problem(await PostTask(deal.Director, deal.ContractId, deal.Team.Members[0], 0), HttpStatusCode.BadRequest);
        await Problem(await PostTask(deal.Director, deal.ContractId, deal.Team.Members[0], 1_000, dueAt: Time.GetUtcNow().AddMinutes(-1)), HttpStatusCode.BadRequest);
        await Problem(await PostTask(deal.Team.Members[0], deal.ContractId, deal.Team.Members[0], 1_000), HttpStatusCode.Forbidden);
        await Problem(await PostTask(deal.Business, deal.ContractId, deal.Team.Members[0], 1_000), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_contract_of_one_worker_has_no_tasks()
    {
        var (business, worker, contract) = await Contract(50_000, "dataEntry");
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/tasks",
            new { title = "t", instructions = "", amount = 1_000, hours = 1, dueAt = Time.GetUtcNow().AddDays(1), assigneeId = worker.Id }), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_member_gets_the_written_terms_of_its_task_before_work_starts()
    {
        var deal = await TeamContract();
        var member = deal.Team.Members[0];
        var due = Time.GetUtcNow().AddDays(7);
        var task = await NewTask(deal.Director, deal.ContractId, member, 33_000, dueAt: due);
        Assert.That(Kind(member.Id, "taskAssigned"), Is.EqualTo(1));
        var mine = await member.Http.GetFromJsonAsync<JsonArray>("/api/me/tasks");
        Assert.That(mine!.Select(t => Str(t!["id"])), Is.EqualTo(new[] { Id(task) }));
        var notices = await member.Http.GetFromJsonAsync<JsonArray>($"/api/tasks/{Id(task)}/terms");
        var notice = notices!.Single()!.AsObject();
        var terms = notice["terms"]!;
        Assert.That(Str(terms["team"]!["name"]), Is.EqualTo("塩尻テレワークチームA"));
        Assert.That(Str(terms["director"]!["id"]), Is.EqualTo(deal.Director.Id));
        Assert.That(Str(terms["member"]!["id"]), Is.EqualTo(member.Id));
        Assert.That(terms["amount"]!.GetValue<long>(), Is.EqualTo(33_000));
        Assert.That(terms["consumptionTax"]!.GetValue<long>(), Is.EqualTo(3_000), "33,000 × 10/110");
        Assert.That(DateTimeOffset.Parse(Str(terms["dueAt"])), Is.EqualTo(due).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(Str(terms["paymentRule"]), Does.Contain("art. 4(3)").And.Contain("30 days"));
        Assert.That(notice["paymentDueOn"], Is.Null, "the contract's payment date is not fixed before it closes");
        Assert.That(notice["withdrawnAt"], Is.Null);
    }

    [Test]
    public async Task Once_the_contract_pays_the_members_latest_payment_date_is_day_30_counted_from_the_contracts()
    {
        var deal = await TeamContract();
        var member = deal.Team.Members[0];
        var task = await NewTask(deal.Director, deal.ContractId, member, 30_000);
        await Deliver(member, Id(task));
        await Approve(deal.Director, Id(task));
        await Deliver(deal.Business, deal.Director, deal.ContractId);
        var paymentDueOn = DateOnly.Parse(Str((await ContractOf(deal.Director, deal.ContractId))["paymentDueOn"]));
        var notice = (await member.Http.GetFromJsonAsync<JsonArray>($"/api/tasks/{Id(task)}/terms"))!.Single()!;
        Assert.That(DateOnly.Parse(Str(notice["paymentDueOn"])), Is.EqualTo(paymentDueOn));
        // 元委託支払期日から起算して三十日: the contract's payment date is day 1, so day 30 is 29 days later.
        Assert.That(DateOnly.Parse(Str(notice["latestPaymentOn"])), Is.EqualTo(paymentDueOn.AddDays(29)));
    }

    [Test]
    public async Task The_member_delivers_and_the_director_approves_or_returns_with_a_reason()
    {
        var deal = await TeamContract(team: await Team(members: 2, withLeader: true));
        var (leader, member) = (deal.Team.Members[0], deal.Team.Members[1]);
        var task = await NewTask(leader, deal.ContractId, member, 20_000);
        await Problem(await leader.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/submissions", new { message = "x" }), HttpStatusCode.Forbidden);
        await Conflict(await deal.Director.Http.PostAsync($"/api/tasks/{Id(task)}/approve", null), "taskStatus");
        Assert.That(Str((await Deliver(member, Id(task)))["status"]), Is.EqualTo("submitted"));
        Assert.That(Kind(deal.Director.Id, "taskSubmitted"), Is.EqualTo(1));
        await Conflict(await member.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/submissions", new { message = "again" }), "taskStatus");
        await Problem(await member.Http.PostAsync($"/api/tasks/{Id(task)}/approve", null), HttpStatusCode.Forbidden);
        await Problem(await leader.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/return", new { reason = "" }), HttpStatusCode.BadRequest);
        var returned = await Ok(await leader.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/return", new { reason = "10件目の郵便番号が違います" }));
        Assert.That(Str(returned["status"]), Is.EqualTo("returned"));
        Assert.That(Kind(member.Id, "taskReturned"), Is.EqualTo(1));
        await Deliver(member, Id(task));
        Assert.That(Str((await Approve(deal.Director, Id(task)))["status"]), Is.EqualTo("approved"));
        await Conflict(await deal.Director.Http.PostAsync($"/api/tasks/{Id(task)}/approve", null), "taskStatus");
        var detail = await Ok(await member.Http.GetAsync($"/api/tasks/{Id(task)}"));
        Assert.That(detail["steps"]!.AsArray().Select(s => Str(s!["kind"])),
            Is.EqualTo(new[] { "assigned", "submitted", "returned", "submitted", "approved" }));
        Assert.That(Str(detail["steps"]![2]!["message"]), Is.EqualTo("10件目の郵便番号が違います"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM events WHERE type IN ('task.assigned', 'task.submitted', 'task.returned', 'task.approved')"), Is.EqualTo(5));
    }

    [Test]
    public async Task Two_approvals_at_once_approve_once()
    {
        var deal = await TeamContract(team: await Team(members: 2, withLeader: true));
        var task = await NewTask(deal.Director, deal.ContractId, deal.Team.Members[1], 20_000);
        await Deliver(deal.Team.Members[1], Id(task));
        var responses = await Task.WhenAll(new[] { deal.Director, deal.Team.Members[0], deal.Director, deal.Team.Members[0] }
            .Select(who => Task.Run(() => who.Http.PostAsync($"/api/tasks/{Id(task)}/approve", null))));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(3));
        Assert.That(Scalar($"SELECT COUNT(*) FROM task_steps WHERE task_id = '{Id(task)}' AND kind = 'approved'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_reassigned_task_takes_its_history_and_its_terms_follow_it()
    {
        var deal = await TeamContract();
        var (sick, cover) = (deal.Team.Members[0], deal.Team.Members[1]);
        var task = await NewTask(deal.Director, deal.ContractId, sick, 25_000);
        await Problem(await deal.Director.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/reassign", new { assigneeId = sick.Id }), HttpStatusCode.BadRequest);
        var moved = await Ok(await deal.Director.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/reassign", new { assigneeId = cover.Id }));
        Assert.That(Str(moved["assigneeId"]), Is.EqualTo(cover.Id));
        Assert.That(Kind(cover.Id, "taskAssigned"), Is.EqualTo(1));
        Assert.That(Kind(sick.Id, "taskReassigned"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM events WHERE type = 'task.reassigned'"), Is.EqualTo(1));

        await Problem(await sick.Http.GetAsync($"/api/tasks/{Id(task)}"), HttpStatusCode.NotFound);
        Assert.That(await sick.Http.GetFromJsonAsync<JsonArray>("/api/me/tasks"), Is.Empty);
        var old = (await sick.Http.GetFromJsonAsync<JsonArray>($"/api/tasks/{Id(task)}/terms"))!.Single()!;
        Assert.That(old["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(old["withdrawnAt"], Is.Not.Null, "the old member's terms show they were withdrawn");
        var current = (await cover.Http.GetFromJsonAsync<JsonArray>($"/api/tasks/{Id(task)}/terms"))!.Single()!;
        Assert.That(current["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Str(current["terms"]!["member"]!["id"]), Is.EqualTo(cover.Id));
        Assert.That(current["withdrawnAt"], Is.Null);
        Assert.That((await deal.Director.Http.GetFromJsonAsync<JsonArray>($"/api/tasks/{Id(task)}/terms"))!, Has.Count.EqualTo(2));
        var detail = await Ok(await cover.Http.GetAsync($"/api/tasks/{Id(task)}"));
        Assert.That(detail["steps"]!.AsArray().Select(s => Str(s!["kind"])), Is.EqualTo(new[] { "assigned", "reassigned" }));
        Assert.That(detail["terms"]!["version"]!.GetValue<int>(), Is.EqualTo(2));

        await Deliver(cover, Id(task));
        await Conflict(await deal.Director.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/reassign", new { assigneeId = sick.Id }), "taskStatus");
    }
}
