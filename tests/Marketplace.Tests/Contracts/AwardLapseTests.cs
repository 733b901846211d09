using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27: an award whose payment into escrow does not arrive is reminded once as its due date nears, and lapses on its
/// lapse day: the contract is cancelled with no money moved, the job opens again with its bids, and everyone is told. A
/// transfer confirmed at the same moment wins or loses cleanly, never both.
/// </summary>
public sealed class AwardLapseTests : DealTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Money:AutoConfirmPayments"] = "false" };

    private Task<AwardPaymentClock.Run> RunPaymentClock() => App.Services.GetRequiredService<AwardPaymentClock>().RunOnceAsync();

    /// <summary>Moves the clock to <paramref name="minutes"/> minutes after the start of <paramref name="day"/> in Japan.</summary>
    private void To(DateOnly day, int minutes = 0) =>
        Time.Advance(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), JapanTime.Offset).AddMinutes(minutes) - Time.GetUtcNow());

    private async Task<(User Business, User Chosen, User Other, string JobId, string BidId, string OtherBidId, JsonObject Contract, JsonObject Request)> Awarded()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var chosen = await SignUp(Role.Worker, "佐藤 美咲");
        var other = await SignUp(Role.Worker);
        var job = await PostJob(business, new
        {
            title = "ラベルデザイン", description = "d", category = "dataEntry", budgetMin = 1, budgetMax = 100_000,
            deadline = Time.GetUtcNow().AddDays(60),
        });
        var bid = await PlaceBid(chosen, Id(job), 50_000);
        var otherBid = await PlaceBid(other, Id(job), 45_000);
        var contract = await Award(business, Id(job), Id(bid));
        var request = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}/payment-request"));
        return (business, chosen, other, Id(job), Id(bid), Id(otherBid), contract, request);
    }

    [Test]
    public async Task A_worker_whose_award_lapsed_no_longer_opens_the_jobs_confidential_files()
    {
        var business = await SignUp(Role.Business);
        var chosen = await SignUp(Role.Worker);
        var secret = Id(await Created(await business.Http.Upload(Uploads.Pdf, "顧客名簿.pdf")));
        var job = await PostJob(business, new
        {
            title = "名簿の入力", description = "顧客名簿", category = "dataEntry", budgetMin = 1, budgetMax = 100_000,
            deadline = Time.GetUtcNow().AddDays(60), fileIds = new[] { secret }, confidentialFiles = true,
        });
        var contract = await Award(business, Id(job), Id(await PlaceBid(chosen, Id(job), 50_000)));
        Assert.That((await chosen.Http.GetAsync($"/api/files/{secret}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the awarded worker reads them");
        var request = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}/payment-request"));

        To(DateOnly.Parse(Str(request["lapsesOn"])), 1);
        Assert.That((await RunPaymentClock()).Lapsed, Is.EqualTo(1));
        await Problem(await chosen.Http.GetAsync($"/api/files/{secret}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_unpaid_award_is_reminded_once_then_lapses_and_the_job_opens_again_with_its_bids()
    {
        var (business, chosen, other, jobId, bidId, otherBidId, contract, request) = await Awarded();
        var dueOn = DateOnly.Parse(Str(request["dueOn"]));
        var lapsesOn = DateOnly.Parse(Str(request["lapsesOn"]));
        Assert.That((await RunPaymentClock()).Reminders, Is.Zero, "a week before the due date nobody is reminded");

        To(dueOn.AddDays(-2));
        Assert.That(await RunPaymentClock(), Is.EqualTo(new AwardPaymentClock.Run(1, 0)));
        Assert.That(await RunPaymentClock(), Is.EqualTo(new AwardPaymentClock.Run(0, 0)), "reminded once");
        Assert.That(Kind(business.Id, "paymentDueSoon"), Is.EqualTo(1));

        To(lapsesOn, -1);
        Assert.That((await RunPaymentClock()).Lapsed, Is.Zero, "not before the lapse day");
        To(lapsesOn, 1);
        Assert.That((await RunPaymentClock()).Lapsed, Is.EqualTo(1));

        var lapsed = await ContractOf(business, Id(contract));
        Assert.That((Str(lapsed["status"]), Str(lapsed["closedBy"])), Is.EqualTo(("cancelled", "awardLapsed")));
        Assert.That(lapsed["fundingDueOn"], Is.Null);
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE contract_id = '{Id(contract)}' AND status = 'cancelled'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries"), Is.Zero, "no money moved");
        var job = await Ok(await business.Http.GetAsync($"/api/jobs/{jobId}"));
        Assert.That(Str(job["status"]), Is.EqualTo("open"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM bids WHERE job_id = '{jobId}' AND status = 'pending'"), Is.EqualTo(2), "both offers stand again");
        Assert.That((Kind(business.Id, "awardLapsed"), Kind(chosen.Id, "awardLapsed"), Kind(other.Id, "jobReopened")), Is.EqualTo((1L, 1L, 1L)));
        Assert.That((await RunPaymentClock()).Lapsed, Is.Zero, "lapsed once");

        // The business awards again, the other bid; the job has a live contract beside the lapsed one.
        var second = await Award(business, jobId, otherBidId);
        Assert.That(Str(second["jobId"]), Is.EqualTo(jobId));
        Assert.That(Scalar($"SELECT COUNT(*) FROM bids WHERE job_id = '{jobId}' AND status = 'rejected' AND id = '{bidId}'"), Is.EqualTo(1));
        Assert.That(Kind(other.Id, "bidAwarded"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_bid_can_be_awarded_again_after_its_award_lapsed_and_its_worker_is_told_again()
    {
        var (business, chosen, _, jobId, bidId, _, contract, request) = await Awarded();
        To(DateOnly.Parse(Str(request["lapsesOn"])), 1);
        await RunPaymentClock();
        var again = await Award(business, jobId, bidId);
        Assert.That(Id(again), Is.Not.EqualTo(Id(contract)));
        Assert.That(Kind(chosen.Id, "bidAwarded"), Is.EqualTo(2));
        var fresh = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(again)}/payment-request"));
        Assert.That(DateOnly.Parse(Str(fresh["lapsesOn"])), Is.GreaterThan(DateOnly.Parse(Str(request["lapsesOn"]))), "a new due date from the new award");
    }

    [Test]
    public async Task A_transfer_confirmed_in_time_keeps_the_award_and_one_confirmed_after_the_lapse_is_refused()
    {
        var (business, _, _, jobId, _, _, contract, request) = await Awarded();
        var admin = await Administrator();
        await Expect(await admin.Http.PostAsync($"/api/payments/{Str(request["paymentId"])}/confirm", null), HttpStatusCode.NoContent);
        To(DateOnly.Parse(Str(request["lapsesOn"])), 1);
        Assert.That((await RunPaymentClock()).Lapsed, Is.Zero);
        Assert.That(Str((await ContractOf(business, Id(contract)))["status"]), Is.EqualTo("active"));

        var (late, _, _, _, _, _, lateContract, lateRequest) = await Awarded();
        To(DateOnly.Parse(Str(lateRequest["lapsesOn"])), 1);
        await RunPaymentClock();
        await Conflict(await admin.Http.PostAsync($"/api/payments/{Str(lateRequest["paymentId"])}/confirm", null), "paymentNotPending");
        Assert.That(Str((await ContractOf(late, Id(lateContract)))["closedBy"]), Is.EqualTo("awardLapsed"));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions"), Is.EqualTo(1), "only the first award's transfer moved money");
        Assert.That(Str((await Ok(await business.Http.GetAsync($"/api/jobs/{jobId}")))["status"]), Is.EqualTo("awarded"));
    }

    [Test]
    public async Task A_confirmation_racing_the_lapse_either_funds_the_award_or_is_refused_never_both()
    {
        var admin = await Administrator();
        for (var round = 0; round < 4; round++)
        {
            var (business, _, _, jobId, _, _, contract, request) = await Awarded();
            To(DateOnly.Parse(Str(request["lapsesOn"])), 1);
            var confirm = admin.Http.PostAsync($"/api/payments/{Str(request["paymentId"])}/confirm", null);
            var lapse = RunPaymentClock();
            await Task.WhenAll(confirm, lapse);
            var state = await ContractOf(business, Id(contract));
            var funded = Scalar($"SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account = 'escrow:{Id(contract)}'");
            if ((await confirm).StatusCode == HttpStatusCode.NoContent)
            {
                Assert.That((Str(state["status"]), funded), Is.EqualTo(("active", 50_000L)), $"round {round}: the confirmation won");
                Assert.That(Str((await Ok(await business.Http.GetAsync($"/api/jobs/{jobId}")))["status"]), Is.EqualTo("awarded"));
            }
            else
            {
                Assert.That((await confirm).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
                Assert.That((Str(state["closedBy"]), funded), Is.EqualTo(("awardLapsed", 0L)), $"round {round}: the lapse won");
            }
        }
    }
}
