using System.Net;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Who reads a task job's page: administrators, who pay its workers and settle what goes wrong, read any task job in
/// every state, with the counts its business reviews and nothing of a worker's own (as they read any contest); once it
/// has left the board, anyone who neither runs nor answered it finds no job.
/// </summary>
public sealed class TaskJobAudienceTests : TaskJobTest
{
    [Test]
    public async Task An_administrator_reads_a_closed_task_job_with_its_counts_and_no_workers_own_item_or_pay()
    {
        var business = await SignUp(Role.Business);
        var alice = await SignUp(Role.Worker);
        var job = await Post(business, items: 10, price: 300);
        await Ok(await Approve(business, await Do(alice, job)));
        await Ok(await Approve(business, await Do(alice, job)));
        await Ok(await Reject(business, await Do(alice, job)));
        Time.Advance(TimeSpan.FromDays(7));
        await RunClock();

        var seen = await TaskJob(await Administrator(), job);
        Assert.That(Str(seen["status"]), Is.EqualTo("completed"));
        Assert.That(seen["review"], Is.Not.Null, "the counts to review, as its business reads them");
        Assert.That(seen["review"]!["approved"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(seen["review"]!["rejected"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(seen["review"]!.ToJsonString(), Is.EqualTo((await TaskJob(business, job))["review"]!.ToJsonString()), "the counts as its business reads them");
        Assert.That(seen["mine"], Is.Null, "an administrator answered nothing");
        Assert.That(seen["myItem"], Is.Null);
        Assert.That(seen["myPay"], Is.Null, "the pay is alice's to read here; the payouts-due list shows it to administrators");
    }

    [Test]
    public async Task An_administrator_reads_a_task_job_still_waiting_for_its_escrow()
    {
        var business = await SignUp(Role.Business);
        var job = await Post(business);
        Assert.That(Scalar($"UPDATE jobs SET status = 'unfunded' WHERE id = '{job}'"), Is.Zero);

        var seen = await TaskJob(await Administrator(), job);
        Assert.That(Str(seen["status"]), Is.EqualTo("unfunded"));
        Assert.That(seen["review"], Is.Not.Null);
        Assert.That(seen["review"]!["submitted"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task A_closed_task_job_is_a_404_to_another_business_a_producer_and_a_worker_who_never_answered_it()
    {
        var business = await SignUp(Role.Business);
        var alice = await SignUp(Role.Worker);
        var job = await Post(business, items: 3, price: 300);
        await Ok(await Approve(business, await Do(alice, job)));
        Time.Advance(TimeSpan.FromDays(7));
        await RunClock();

        Assert.That(Str((await TaskJob(alice, job))["status"]), Is.EqualTo("completed"), "the worker it paid still reads it");
        foreach (var stranger in new[] { await SignUp(Role.Business), await SignUp(Role.Producer), await SignUp(Role.Worker) })
        {
            var unknown = await Problem(await stranger.Http.GetAsync("/api/task-jobs/no-such-job"), HttpStatusCode.NotFound);
            var refused = await Problem(await stranger.Http.GetAsync($"/api/task-jobs/{job}"), HttpStatusCode.NotFound);
            Assert.That(Str(refused["detail"]), Is.EqualTo(Str(unknown["detail"])), $"{stranger.Role}: nothing tells it the job is there");
        }
    }
}
