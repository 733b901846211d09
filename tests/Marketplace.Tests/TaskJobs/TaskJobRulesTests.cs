using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Marketplace.TaskJobs;

namespace Marketplace.Tests;

/// <summary>
/// Each number of a task job, pinned (CrowdWorks' タスク形式): 60 minutes to submit a taken item, rejections capped at 3
/// items or 30% of a worker's submitted items, automatic approval 14 days after the deadline, at most 10,000 items, at
/// least ¥1 an item. Each test goes red when its number changes. The races are decided in the database, and run on
/// PostgreSQL as on SQLite.
/// </summary>
public sealed class TaskJobRulesTests : TaskJobTest
{
    [Test]
    public async Task A_taken_item_is_submitted_within_60_minutes_else_it_returns_to_the_pool()
    {
        Assert.That(TaskJobRules.MinutesToSubmit, Is.EqualTo(60));
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var job = await Post(business, items: 2);

        var first = await Take(worker, job);
        Assert.That(first["dueAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow().AddMinutes(60)).Within(TimeSpan.FromMilliseconds(1)));
        Time.Advance(TimeSpan.FromMinutes(60) - TimeSpan.FromSeconds(1));
        await Created(await TryAnswer(worker, Id(first), "説明", "はい"));

        var second = await Take(worker, job);
        Time.Advance(TimeSpan.FromMinutes(60));
        await Conflict(await TryAnswer(worker, Id(second), "説明", "はい"), "taskItemNotHeld");
        Assert.That((await TaskJob(other, job))["itemsLeft"]!.GetValue<int>(), Is.EqualTo(1), "back in the pool without any clock");
        Assert.That(Id(await Take(other, job)), Is.EqualTo(Id(second)));
        await Problem(await TryAnswer(worker, Id(second), "説明", "はい"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_worker_with_few_answers_may_be_rejected_three_times_and_no_more()
    {
        Assert.That(TaskJobRules.RejectionCapFloor, Is.EqualTo(3));
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 10);
        var answers = new List<string>();
        for (var i = 0; i < 4; i++) answers.Add(await Do(worker, job));
        // 30% of 4 is 1: the floor of 3 is higher.
        for (var i = 0; i < 3; i++) await Ok(await Reject(business, answers[i]));
        await Conflict(await Reject(business, answers[3]), "rejectionCapReached");
        Assert.That(Str((await Ok(await Approve(business, answers[3])))["status"]), Is.EqualTo("approved"), "approving stays possible");
    }

    [Test]
    public async Task A_worker_with_many_answers_may_be_rejected_for_30_percent_of_them()
    {
        Assert.That(TaskJobRules.RejectionCapPercent, Is.EqualTo(30));
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 30);
        var answers = new List<string>();
        for (var i = 0; i < 20; i++) answers.Add(await Do(worker, job));
        // 30% of 20 is 6, above the floor of 3.
        for (var i = 0; i < 6; i++) await Ok(await Reject(business, answers[i]));
        await Conflict(await Reject(business, answers[6]), "rejectionCapReached");
        // A rejected item's new answer counts as one more submitted: 21 answers, still 6.
        answers.Add(await Do(worker, job));
        await Conflict(await Reject(business, answers[^1]), "rejectionCapReached");
        Assert.That(Scalar($"SELECT COUNT(*) FROM task_submissions WHERE job_id = '{job}' AND status = 'rejected'"), Is.EqualTo(6));
    }

    [Test]
    public async Task Answers_not_reviewed_14_days_after_the_deadline_are_approved_automatically_once()
    {
        Assert.That(TaskJobRules.DaysToReview, Is.EqualTo(14));
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 5, deadlineIn: TimeSpan.FromDays(2));
        var approved = await Do(worker, job);
        await Ok(await Approve(business, approved));
        var waiting = new[] { await Do(worker, job), await Do(worker, job) };

        Time.Advance(TimeSpan.FromDays(2 + 14) - TimeSpan.FromMinutes(1));
        Assert.That(await RunClock(), Is.Zero, "a minute before the 14 days end");
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'open'"), Is.EqualTo(1), "answers await review");
        Time.Advance(TimeSpan.FromMinutes(1));
        var runs = await Task.WhenAll(RunClock(), RunClock(), RunClock());
        Assert.That(runs.Sum(), Is.EqualTo(2), "each answer approved by one run only");
        Assert.That(Events("taskItem.approved"), Is.EqualTo(3));
        Assert.That(Scalar($"SELECT COUNT(*) FROM task_submissions WHERE job_id = '{job}' AND auto_approved = TRUE"), Is.EqualTo(2));
        foreach (var id in waiting)
            Assert.That((await worker.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{job}/submissions?mine=true"))!
                .Single(s => Str(s!["id"]) == id)!["autoApproved"]!.GetValue<bool>());
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'completed'"), Is.EqualTo(1));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(3 * 90), "three items of ¥100 less the fee, released once");
        Assert.That(Scalar("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"), Is.Zero);
    }

    [Test]
    public async Task Of_two_workers_racing_for_the_last_item_one_takes_it()
    {
        var business = await SignUp(Role.Business);
        var job = await Post(business, items: 1);
        var workers = new[] { await SignUp(Role.Worker), await SignUp(Role.Worker), await SignUp(Role.Worker) };
        var answers = await Task.WhenAll(workers.Select(w => Task.Run(() => w.Http.PostAsync($"/api/task-jobs/{job}/take", null))));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        foreach (var lost in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            Assert.That(Str((await Problem(lost, HttpStatusCode.Conflict))["code"]), Is.EqualTo("noTaskItemLeft"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM task_items WHERE job_id = '{job}' AND status = 'taken'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_rejections_racing_past_the_cap_are_decided_once()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 10);
        var answers = new List<string>();
        for (var i = 0; i < 5; i++) answers.Add(await Do(worker, job));
        await Ok(await Reject(business, answers[0]));
        await Ok(await Reject(business, answers[1]));
        var raced = await Task.WhenAll(answers.Skip(2).Select(a => Task.Run(() => Reject(business, a))));
        Assert.That(raced.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), "the third rejection, and no fourth");
        Assert.That(Scalar($"SELECT COUNT(*) FROM task_submissions WHERE job_id = '{job}' AND status = 'rejected'"), Is.EqualTo(3));
    }

    [Test]
    public async Task A_task_job_has_at_most_10000_items_of_at_least_one_yen()
    {
        Assert.That(TaskJobRules.MaxItems, Is.EqualTo(10_000));
        Assert.That(TaskJobRules.MinPricePerItem, Is.EqualTo(1));
        var business = await SignUp(Role.Business);
        var job = await Created(await TryPost(business, items: 10_000, price: 1));
        Assert.That(job["itemCount"]!.GetValue<int>(), Is.EqualTo(10_000));
        Assert.That(Scalar($"SELECT COUNT(*) FROM task_items WHERE job_id = '{Str(job["jobId"])}'"), Is.EqualTo(10_000));
        Assert.That(Balance($"job-escrow:{Str(job["jobId"])}"), Is.EqualTo(10_000));
        var tooMany = await Problem(await TryPost(business, items: 10_001, price: 1), HttpStatusCode.BadRequest);
        Assert.That(tooMany["errors"]!["itemCount"], Is.Not.Null);
        var free = await Problem(await TryPost(business, items: 10, price: 0), HttpStatusCode.BadRequest);
        Assert.That(free["errors"]!["pricePerItem"], Is.Not.Null);
        var rows = string.Concat(Enumerable.Range(1, 10_001).Select(n => $"商品{n}\r\n"));
        var csv = await Problem(await TryPost(business, items: null, csv: rows, instructions: "##1## の説明文"), HttpStatusCode.BadRequest);
        Assert.That(csv["errors"]!["itemsCsv"], Is.Not.Null);
    }
}
