using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Freelance Act art. 4 for task jobs: each worker's pay is owed by a date fixed at the close, the terms' days after it
/// but never later than day 60 from the worker's first answer approved; the administrators' payouts-due list shows it and
/// warns a week before it, once per worker; a deadline more than 31 days away, which would let the close come too late
/// for that, is refused.
/// </summary>
public sealed class TaskJobPayDueTests : TaskJobTest
{
    private static async Task<List<JsonNode>> DueFor(User admin, string jobId) =>
        (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!.Where(d => Str(d!["jobId"]) == jobId).Select(d => d!).ToList();

    private long Warnings(User admin) => Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{admin.Id}' AND kind = 'payoutDue'");

    [Test]
    public async Task Each_workers_pay_is_due_the_terms_days_after_the_close_and_listed_as_the_release_credited_it()
    {
        var admin = await Administrator();
        var business = await SignUp(Role.Business);
        var (alice, bob) = (await SignUp(Role.Worker), await SignUp(Role.Worker));
        var job = await Post(business, items: 3, price: 10_000);
        var answers = new List<string> { await Do(alice, job), await Do(alice, job) };
        Time.Advance(TimeSpan.FromDays(2));
        answers.Add(await Do(bob, job));
        foreach (var s in answers) await Ok(await Approve(business, s));

        var due = await DueFor(admin, job);
        var closedOn = JapanDay(Time.GetUtcNow());
        Assert.That(due.Select(d => Str(d["workerId"])), Is.EquivalentTo(new[] { alice.Id, bob.Id }));
        foreach (var d in due)
        {
            var worker = Str(d["workerId"]);
            Assert.That(d["contractId"], Is.Null, "a task job has no contract");
            Assert.That(Str(d["paymentDueOn"]), Is.EqualTo(Day(closedOn.AddDays(30))), "Contracts:PaymentDays after the close, inside day 60");
            Assert.That(d["net"]!.GetValue<long>(), Is.EqualTo(Scalar($"SELECT net FROM task_job_pay WHERE job_id = '{job}' AND worker_id = '{worker}'"))
                .And.EqualTo(Balance($"worker:{worker}")), "what the close credited this worker");
            Assert.That(d["late"]!.GetValue<bool>(), Is.False);
        }
        Assert.That(due.Single(d => Str(d["workerId"]) == alice.Id)["net"]!.GetValue<long>(), Is.EqualTo(18_000), "2 items × ¥10,000 less the 10% fee");
        var alicePay = (await TaskJob(alice, job))["myPay"]!;
        Assert.That(alicePay["net"]!.GetValue<long>(), Is.EqualTo(18_000), "the worker reads its own pay on the job");
        Assert.That(Str(alicePay["paymentDueOn"]), Is.EqualTo(Day(closedOn.AddDays(30))), "and the date it is owed by");
        Assert.That((await TaskJob(business, job))["myPay"], Is.Null, "the business reads no worker's pay there");

        // Paid in a batch gathered after the close: no longer due.
        await Ok(await alice.Http.PutAsJsonAsync("/api/me/bank-account",
            new { bankCode = "0117", branchCode = "123", accountType = "ordinary", accountNumber = "1234567", holderName = "サトウ ミサキ" }));
        var batch = await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = Time.GetUtcNow() }));
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", new { paidOn = JapanDay(Time.GetUtcNow()) }));
        Assert.That((await DueFor(admin, job)).Select(d => Str(d["workerId"])), Is.EqualTo(new[] { bob.Id }), "alice was paid; bob has no account yet");
    }

    /// <summary>
    /// A close that comes late (nobody reviewed; the clock approved the answers 14 days after the deadline) does not move
    /// the date past day 60 from the worker's first answer; each worker is warned of a week before its own date, once.
    /// </summary>
    [Test]
    public async Task Pay_closed_late_is_due_by_day_60_from_the_first_answer_and_each_worker_is_warned_of_once()
    {
        var admin = await Administrator();
        var business = await SignUp(Role.Business);
        var (alice, bob) = (await SignUp(Role.Worker), await SignUp(Role.Worker));
        var job = await Post(business, items: 2, deadlineIn: TimeSpan.FromDays(TaskJobs.TaskJobRules.MaxDaysOpen));
        var posted = JapanDay(Time.GetUtcNow());
        await Do(alice, job);
        Time.Advance(TimeSpan.FromDays(30));
        await Do(bob, job);
        Time.Advance(TimeSpan.FromDays(1 + TaskJobs.TaskJobRules.DaysToReview)); // day 45: 14 days after the deadline
        await RunClock();
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'completed'"), Is.EqualTo(1), "approved by the clock and closed");

        var due = await DueFor(admin, job);
        var closedOn = JapanDay(Time.GetUtcNow());
        Assert.That(Str(due.Single(d => Str(d["workerId"]) == alice.Id)["paymentDueOn"]), Is.EqualTo(Day(posted.AddDays(59))),
            "day 60 from alice's answer on day 1, not 30 days after the close on day 46");
        Assert.That(Str(due.Single(d => Str(d["workerId"]) == bob.Id)["paymentDueOn"]), Is.EqualTo(Day(closedOn.AddDays(30))),
            "bob answered on day 31: the terms' date comes first");

        Time.Advance(TimeSpan.FromDays(6)); // day 52: alice's date is 8 days away
        await RunClock(App);
        Assert.That(Warnings(admin), Is.Zero);
        Time.Advance(TimeSpan.FromDays(1)); // day 53: 7 days away
        await RunClock(App);
        await RunClock(App);
        Assert.That(Warnings(admin), Is.EqualTo(1), "alice's pay, once");
        var warning = (await admin.Http.GetFromJsonAsync<JsonObject>("/api/notifications"))!["items"]!.AsArray().Single(n => Str(n!["kind"]) == "payoutDue")!;
        Assert.That(Str(warning["partyName"]), Is.EqualTo(alice.DisplayName), "the list names the worker owed, not the job's business");
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{admin.Id}' AND kind = 'payoutDue' AND message LIKE '%(task job)%{alice.DisplayName}%'"),
            Is.EqualTo(1));
        Time.Advance(TimeSpan.FromDays(17)); // day 70: bob's date (day 76) is 6 days away; alice's is past
        await RunClock(App);
        Assert.That(Warnings(admin), Is.EqualTo(2), "bob's pay, once, apart from alice's");
        Assert.That((await DueFor(admin, job)).Single(d => Str(d["workerId"]) == alice.Id)["late"]!.GetValue<bool>(), Is.True);
    }

    /// <summary>
    /// Task jobs pay small sums: pay under the payout minimum (¥1,000) waits for a later batch only until its date is
    /// within the warning days; then a batch pays it whatever its size (a user trial found ¥270 promised by a date that
    /// no batch would pay). The worker reads that it has no bank account yet where it reads its pay.
    /// </summary>
    [Test]
    public async Task Pay_under_the_payout_minimum_is_paid_in_the_batch_before_its_date()
    {
        var admin = await Administrator();
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 2, price: 150);
        foreach (var s in new[] { await Do(worker, job), await Do(worker, job) }) await Ok(await Approve(business, s));
        var pay = (await TaskJob(worker, job))["myPay"]!;
        Assert.That(pay["net"]!.GetValue<long>(), Is.EqualTo(270));
        Assert.That(pay["bankAccountMissing"]!.GetValue<bool>(), Is.True);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account",
            new { bankCode = "0117", branchCode = "123", accountType = "ordinary", accountNumber = "1234567", holderName = "サトウ ミサキ" }));
        Assert.That((await TaskJob(worker, job))["myPay"]!["bankAccountMissing"]!.GetValue<bool>(), Is.False);

        await Conflict(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = Time.GetUtcNow() }), "nothingToPay");
        Time.Advance(TimeSpan.FromDays(23)); // its date (30 days after the close) is 7 days away
        var batch = await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = Time.GetUtcNow() }));
        Assert.That(batch["count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(batch["totalNet"]!.GetValue<long>(), Is.EqualTo(270), "all of what is owed");
    }

    [Test]
    public async Task A_deadline_more_than_31_days_away_is_refused_because_the_pay_would_come_too_late()
    {
        var business = await SignUp(Role.Business);
        var tooFar = await Problem(await TryPost(business, deadlineIn: TimeSpan.FromDays(TaskJobs.TaskJobRules.MaxDaysOpen).Add(TimeSpan.FromMinutes(1))),
            System.Net.HttpStatusCode.BadRequest);
        Assert.That(Str(tooFar["errorCodes"]!["deadline"]![0]!["code"]), Is.EqualTo("deadlineTooFar"));
        await Created(await TryPost(business, deadlineIn: TimeSpan.FromDays(TaskJobs.TaskJobRules.MaxDaysOpen)));
        Assert.That(TaskJobs.TaskJobRules.MaxDaysOpen + 1 + TaskJobs.TaskJobRules.DaysToReview + 14, Is.LessThanOrEqualTo(Contracts.ContractsOptions.LawPaymentDays),
            "the close on day 46 at the latest leaves two weeks for the transfer before day 60");
    }
}
