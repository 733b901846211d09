using System.Net.Http.Json;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 26: every node runs all the periodic work (the scheduler has no leader), so each run must decide in the database
/// that a thing happens once. Two API hosts on one database (the SQLite file, or PostgreSQL in the PostgreSQL run) run
/// every <see cref="IPeriodicWork"/> they have, all at once and twice over, while the test moves their shared clock
/// through a deal's life: each mail leaves once, each notification is written once, each lapse releases the escrow once.
/// </summary>
public sealed class BackgroundWorkAcrossNodesTests : DealTest
{
    private SmtpReceiver Smtp { get; } = new();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(),
        ["Email:Smtp:StartTls"] = "false",
        // The test runs the work itself; the scheduler's own timers (real time) stay out of the way.
        ["Email:SendIntervalSeconds"] = "3600",
        ["Contracts:ClockIntervalSeconds"] = "3600",
        ["Notifications:ReminderIntervalSeconds"] = "3600",
        ["SavedSearches:AlertIntervalSeconds"] = "3600",
    };

    [SetUp]
    public void EmptyMailbox() => Smtp.Clear();

    [OneTimeTearDown]
    public void StopSmtp() => Smtp.Dispose();

    /// <summary>
    /// Every periodic work of both nodes, each twice, all started at once, as the schedulers would on one tick; then all
    /// of it again, as on the next tick (mail a notification of this tick asks for may be claimed on the next one).
    /// </summary>
    private static async Task RunEverythingOn(params MarketplaceApp[] nodes)
    {
        var work = nodes.SelectMany(node => node.Services.GetServices<IPeriodicWork>()).ToList();
        Assert.That(work.Select(w => w.Name).Distinct().Count(), Is.GreaterThanOrEqualTo(6), string.Join(", ", work.Select(w => w.Name)));
        for (var tick = 0; tick < 2; tick++)
            await Task.WhenAll(work.Concat(work).Select(w => Task.Run(() => w.RunAsync(CancellationToken.None))));
    }

    /// <summary>The mails the outbox says left: one per mail sent at once, one per person and day of digests.</summary>
    private long Sent() =>
        Scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'sent' AND digest = FALSE")
        + Scalar("SELECT COUNT(*) FROM (SELECT DISTINCT user_id, sent_at FROM mail_outbox WHERE status = 'sent' AND digest = TRUE) d")
        // The account mail (address confirmations, resets) has its own outbox and sender.
        + Scalar("SELECT COUNT(*) FROM account_mail WHERE status = 'sent'");

    [Test]
    public async Task Two_nodes_running_all_periodic_work_at_once_mail_notify_release_and_sweep_each_thing_once()
    {
        using var second = new MarketplaceApp(App.Database, Settings, clock: Time);
        _ = second.Server;
        await Administrator();
        // Inspection lapse: delivered work the business never inspects.
        var (lapseBusiness, lapseWorker, lapsing) = await Contract(30_000);
        await Submit(lapseWorker, Id(lapsing));
        // Answer-period expiry: a cancellation the business never answers.
        var (quietBusiness, proposer, cancelled) = await Contract(20_000);
        await Created(await proposer.Http.PostAsJsonAsync($"/api/contracts/{Id(cancelled)}/cancellation", new { reason = "事情により中止", workerShare = 0 }));
        // Deadline reminder: work due tomorrow.
        var business = await SignUp(Role.Business);
        var hurried = await SignUp(Role.Worker);
        var urgentJob = await PostJob(business);
        var urgent = await Award(business, Id(urgentJob), Id(await PlaceBid(hurried, Id(urgentJob), deliveryDays: 1)));
        // Daily digest: the business takes its bids in one mail a day.
        await Ok(await business.Http.PutAsJsonAsync("/api/me/notification-settings", new { kinds = new[] { new { kind = "bidReceived", delivery = "daily" } } }));
        // Saved-search alert: a worker looks for a job posted after saving.
        var looking = await SignUp(Role.Worker);
        await Created(await looking.Http.PostAsJsonAsync("/api/me/saved-searches", new { q = "酒蔵" }));
        var wanted = await PostJob(business, NewJob(title: "酒蔵のラベル"));
        await PlaceBid(await SignUp(Role.Worker), Id(wanted));
        await PlaceBid(await SignUp(Role.Worker), Id(wanted));
        // Sweep: an upload nothing ever names.
        var left = await Created(await business.Http.Upload(Uploads.Text("left behind"), "left.txt"));

        await RunEverythingOn(App, second);
        Assert.That(Kind(business.Id, "deadlineSoon") + Kind(hurried.Id, "deadlineSoon"), Is.EqualTo(2), "each party reminded once");
        Assert.That(Kind(looking.Id, "savedSearchMatched"), Is.EqualTo(1));
        Assert.That(Smtp.Mails, Has.Count.EqualTo(Sent()), "each mail the outbox marks sent reached the server once");
        Assert.That(Sent(), Is.GreaterThan(0));

        Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await RunEverythingOn(App, second);
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'release:{Id(lapsing)}'"), Is.EqualTo(1), "the lapse released once");
        Assert.That(Kind(lapseBusiness.Id, "acceptedByLapse"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM disputes WHERE contract_id = '{Id(cancelled)}'"), Is.EqualTo(1), "the unanswered cancellation became one dispute");
        Assert.That(Kind(quietBusiness.Id, "disputeOpened"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id = '{Id(left)}'"), Is.Zero, "swept");
        var digests = Smtp.Mails.Where(m => m.To.Any(t => t.Contains(business.Email)) && m.Subject.Contains("2件")).ToList();
        Assert.That(digests, Has.Count.EqualTo(1), "one digest of the two bids");

        // The released pay falls due within the warning's 7 days.
        Time.Advance(TimeSpan.FromDays(24));
        await RunEverythingOn(App, second);
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE kind = 'payoutDue' AND contract_id = '{Id(lapsing)}'"), Is.EqualTo(1),
            "the administrator warned once");
        Assert.That(Scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'pending' AND digest = FALSE"), Is.Zero, "nothing left to send");
        Assert.That(Smtp.Mails, Has.Count.EqualTo(Sent()), "and still no mail twice");
        _ = urgent;
    }
}
