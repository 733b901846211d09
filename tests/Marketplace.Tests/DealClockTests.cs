using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Contracts on a clock the test moves: sessions last long enough that nobody is signed out by the jumps.</summary>
public abstract class DealTest : MoneyTest
{
    protected ManualClock Time { get; private set; } = new();

    protected override TimeProvider? Clock => Time;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Auth:SessionIdleHours"] = "10000", ["Auth:SessionLifetimeDays"] = "365",
    };

    [TearDown]
    public void NewClock() => Time = new ManualClock();

    protected static DateOnly JapanDay(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(9)).DateTime);

    protected static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    protected async Task<JsonObject> Submit(User worker, string contractId, string message = "納品します") =>
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contractId}/submissions", new { message }));

    protected async Task<JsonObject> Detail(User user, string contractId) => await Ok(await user.Http.GetAsync($"/api/contracts/{contractId}"));

    protected async Task<JsonObject> ContractOf(User user, string contractId) => (await Detail(user, contractId))["contract"]!.AsObject();

    protected async Task<JsonObject> TermsOf(User user, string contractId, int? version = null) =>
        await Ok(await user.Http.GetAsync($"/api/contracts/{contractId}/terms" + (version is null ? "" : $"/{version}")));

    /// <summary>Asserts a 409 problem with the stable code.</summary>
    protected static async Task Conflict(HttpResponseMessage response, string code) =>
        Assert.That(Str((await Problem(response, HttpStatusCode.Conflict))["code"]), Is.EqualTo(code));

    protected Task<DealClock.Run> RunClock(MarketplaceApp? app = null) => (app ?? App).Services.GetRequiredService<DealClock>().RunOnceAsync();

    protected long Kind(string userId, string kind) =>
        Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{userId}' AND kind = '{kind}'");
}

/// <summary>The terms notice of Freelance Act art. 3: written at award, immutable, numbered, for the parties only.</summary>
public sealed class TermsTests : DealTest
{
    [Test]
    public async Task Award_writes_version_1_with_every_item_the_law_names()
    {
        var (business, worker, contract) = await Contract(110_000, "design");
        var id = Id(contract);
        var notice = await TermsOf(worker, id);
        var terms = notice["terms"]!;
        Assert.That(terms["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(notice["latestVersion"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Str(terms["business"]!["id"]), Is.EqualTo(business.Id));
        Assert.That(Str(terms["business"]!["name"]), Is.EqualTo(business.DisplayName));
        Assert.That(Str(terms["worker"]!["id"]), Is.EqualTo(worker.Id));
        Assert.That(terms["producer"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(terms["orderedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(contract["createdAt"]!.GetValue<DateTimeOffset>()));
        Assert.That(Str(terms["work"]!["title"]), Is.EqualTo("純米酒のラベルデザイン"));
        Assert.That(Str(terms["work"]!["description"]), Is.EqualTo("雪と稲穂のモチーフで"));
        Assert.That(terms["work"]!["referenceFiles"]!.AsArray(), Is.Empty);
        Assert.That(terms["deliveryDate"]!.GetValue<DateTimeOffset>(), Is.EqualTo(contract["deadline"]!.GetValue<DateTimeOffset>()));
        Assert.That(Str(terms["deliveryPlace"]), Is.Not.Empty);
        Assert.That(terms["inspection"]!["days"]!.GetValue<int>(), Is.EqualTo(7));
        Assert.That(terms["inspection"]!["endsBy"]!.GetValue<DateTimeOffset>(),
            Is.EqualTo(contract["deadline"]!.GetValue<DateTimeOffset>().AddDays(7)));
        Assert.That(terms["amount"]!["total"]!.GetValue<long>(), Is.EqualTo(110_000));
        Assert.That(terms["amount"]!["consumptionTax"]!.GetValue<long>(), Is.EqualTo(10_000), "10/110 of a tax-included amount");
        Assert.That(terms["payment"]!["daysAfterAcceptance"]!.GetValue<int>(), Is.EqualTo(30));
        Assert.That(terms["payment"]!["maxDaysAfterDelivery"]!.GetValue<int>(), Is.EqualTo(60));
        Assert.That(Str(terms["payment"]!["method"]), Does.Contain("escrow").IgnoreCase.And.Contain("bank transfer"));
        Assert.That(terms["fees"]!["platformFee"]!.GetValue<long>(), Is.EqualTo(11_000));
        Assert.That(terms["fees"]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(11_231));
        Assert.That(terms["fees"]!["workerNet"]!.GetValue<long>(), Is.EqualTo(110_000 - 11_000 - 11_231));
        Assert.That(terms["freeRevisions"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(notice["schedule"]!["deliveredAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That((await ContractOf(business, id))["termsVersion"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That((await TermsOf(business, id, 1))["terms"]!["version"]!.GetValue<int>(), Is.EqualTo(1));
        await Problem(await business.Http.GetAsync($"/api/contracts/{id}/terms/2"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_terms_name_the_jobs_reference_files_as_they_stood_at_the_order()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var file = await Created(await business.Http.Upload(Uploads.Pdf, "仕様書.pdf"));
        var job = await PostJob(business, new
        {
            title = "ラベルのデザイン", description = "仕様書のとおりに", category = "design", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(20), fileIds = new[] { Id(file) },
        });
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 50_000)));
        var terms = (await TermsOf(worker, Id(contract)))["terms"]!;
        Assert.That(terms["work"]!["referenceFiles"]!.AsArray().Select(f => Str(f)),
            Is.EqualTo(new[] { $"仕様書.pdf (sha256 {Str(file["sha256"])[..12]})" }));
    }

    [Test]
    public async Task A_brokered_contract_names_its_producer_who_reads_the_terms_and_a_stranger_gets_404()
    {
        var (_, producer, _, contract) = await BrokeredContract(50_000);
        var terms = (await TermsOf(producer, Id(contract)))["terms"]!;
        Assert.That(Str(terms["producer"]!["id"]), Is.EqualTo(producer.Id));
        Assert.That(terms["fees"]!["producerFee"]!.GetValue<long>(), Is.EqualTo(2_500));
        Assert.That(terms["fees"]!["escrowTotal"]!.GetValue<long>(), Is.EqualTo(52_500));
        foreach (var stranger in new[] { await SignUp(Role.Business), await SignUp(Role.Worker), await SignUp(Role.Producer) })
        {
            await Problem(await stranger.Http.GetAsync($"/api/contracts/{Id(contract)}/terms"), HttpStatusCode.NotFound);
            await Problem(await stranger.Http.GetAsync($"/api/contracts/{Id(contract)}/terms/1"), HttpStatusCode.NotFound);
        }
    }

    [Test]
    public async Task Terms_versions_can_be_neither_changed_nor_deleted()
    {
        var (_, _, contract) = await Contract(10_000);
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        foreach (var sql in new[] { "UPDATE contract_terms SET terms = '{}'", "DELETE FROM contract_terms" })
        {
            command.CommandText = sql;
            Assert.That(() => command.ExecuteNonQuery(), Throws.InstanceOf<SqliteException>().With.Message.Contains("immutable"), sql);
        }
        Assert.That(Scalar($"SELECT COUNT(*) FROM contract_terms WHERE contract_id = '{Id(contract)}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_schedule_shows_the_delivery_and_the_latest_payment_date_the_law_allows()
    {
        var (_, worker, contract) = await Contract(10_000);
        await Submit(worker, Id(contract));
        var schedule = (await TermsOf(worker, Id(contract)))["schedule"]!;
        Assert.That(schedule["deliveredAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow()).Within(TimeSpan.FromSeconds(1)));
        Assert.That(Str(schedule["latestPaymentOn"]), Is.EqualTo(Day(JapanDay(Time.GetUtcNow()).AddDays(59))), "the day of receipt is day 1 of 60");
        Assert.That(schedule["inspectionEndsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM contract_payment_dates WHERE contract_id = '{Id(contract)}' AND latest_payment_on IS NOT NULL"),
            Is.EqualTo(1), "the payouts read the date from one view");
    }
}

/// <summary>Start-up refuses periods the Freelance Act does not allow.</summary>
public sealed class DealSettingsTests
{
    [TestCase("Contracts:InspectionDays", "15", "Contracts:InspectionDays must be 1 to 14", TestName = "An inspection period over 14 days is refused")]
    [TestCase("Contracts:PaymentDays", "53", "Freelance Act (art. 4)", TestName = "Inspection plus payment days beyond 60 from delivery are refused")]
    [TestCase("Disputes:AnswerDays", "0", "Disputes:AnswerDays must be 1 to 30", TestName = "An answer period of no days is refused")]
    public void Start_up_refuses_settings_beyond_the_law(string key, string value, string message)
    {
        using var app = new MarketplaceApp(TemplateDatabase.NewCopy(), new Dictionary<string, string?> { [key] = value });
        Assert.That(() => app.Server, Throws.InstanceOf<Microsoft.Extensions.Options.OptionsValidationException>().With.Message.Contains(message));
    }

    [Test]
    public void The_longest_lawful_periods_start()
    {
        using var app = new MarketplaceApp(TemplateDatabase.NewCopy(),
            new Dictionary<string, string?> { ["Contracts:InspectionDays"] = "14", ["Contracts:PaymentDays"] = "45" });
        Assert.That(() => app.Server, Throws.Nothing);
    }
}

/// <summary>The inspection period: started by delivered work, stopped by a revision, ended by acceptance or by silence.</summary>
public sealed class InspectionTests : DealTest
{
    [Test]
    public async Task A_submission_starts_the_clock_a_revision_stops_it_and_the_next_submission_starts_a_new_one()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        Assert.That((await ContractOf(worker, id))["inspectionEndsAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        await Submit(worker, id);
        var first = Time.GetUtcNow();
        Assert.That((await ContractOf(worker, id))["inspectionEndsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(first.AddDays(7)).Within(TimeSpan.FromSeconds(1)));
        Time.Advance(TimeSpan.FromDays(3));
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "色を変えて" }));
        Assert.That((await ContractOf(worker, id))["inspectionEndsAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Time.Advance(TimeSpan.FromDays(10));
        Assert.That((await RunClock()).AcceptedByLapse, Is.Zero, "no clock runs while the worker revises");
        await Submit(worker, id, "v2");
        var c = await ContractOf(worker, id);
        Assert.That(c["inspectionEndsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(c["deliveredAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(first).Within(TimeSpan.FromSeconds(1)), "the first delivery counts for art. 4");
    }

    [Test]
    public async Task Silence_accepts_the_work_exactly_once_with_two_API_hosts_on_one_database()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        await Submit(worker, id);
        using var second = new MarketplaceApp(App.DatabasePath, Settings, clock: Time);
        _ = second.Server;

        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.That((await RunClock()).AcceptedByLapse + (await RunClock(second)).AcceptedByLapse, Is.Zero, "a minute early nothing happens");
        Assert.That(Str((await ContractOf(worker, id))["status"]), Is.EqualTo("submitted"));

        Time.Advance(TimeSpan.FromMinutes(2));
        // Each host's clock finds the contract due; the command itself, sent by both at once, must accept it once.
        var commands = await Task.WhenAll(new[] { App, second, App, second }.Select(async app =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new AcceptByLapse.Command(id));
        }));
        Assert.That(commands.Count(accepted => accepted), Is.EqualTo(1), "one command of one host accepts");
        var runs = await Task.WhenAll(RunClock(), RunClock(second), RunClock(), RunClock(second));
        Assert.That(runs.Sum(r => r.AcceptedByLapse), Is.Zero, "and the clocks find nothing left to accept");

        var accepted = await ContractOf(business, id);
        Assert.That(Str(accepted["status"]), Is.EqualTo("completed"));
        Assert.That(Str(accepted["closedBy"]), Is.EqualTo("lapse"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'release:{id}'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'release:%'"), Is.EqualTo(1));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(100_000 - 10_000 - 10_210));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Kind(business.Id, "acceptedByLapse"), Is.EqualTo(1));
        Assert.That(Kind(worker.Id, "acceptedByLapse"), Is.EqualTo(1));
        Assert.That(Str(accepted["paymentDueOn"]), Is.EqualTo(Day(JapanDay(Time.GetUtcNow()).AddDays(30))));
        Assert.That(Str(JsonNode.Parse(await (await business.Http.GetAsync($"/api/jobs/{Str(contract["jobId"])}")).Content.ReadAsStringAsync())!["status"]),
            Is.EqualTo("completed"));
    }

    [Test]
    public async Task Both_parties_are_reminded_two_days_and_one_day_before_once_each()
    {
        var (business, worker, contract) = await Contract(30_000);
        await Submit(worker, Id(contract));
        Time.Advance(TimeSpan.FromDays(4));
        await RunClock();
        Assert.That(Kind(business.Id, "inspectionEndsSoon"), Is.Zero, "three days before: no reminder yet");
        Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await RunClock();
        await RunClock();
        Assert.That(Kind(business.Id, "inspectionEndsSoon"), Is.EqualTo(1));
        Assert.That(Kind(worker.Id, "inspectionEndsSoon"), Is.EqualTo(1));
        Time.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(RunClock(), RunClock());
        Assert.That(Kind(business.Id, "inspectionEndsSoon"), Is.EqualTo(2), "and again one day before");
        Assert.That(Kind(worker.Id, "inspectionEndsSoon"), Is.EqualTo(2));
    }

    [Test]
    public async Task The_payment_date_never_passes_60_days_from_the_first_delivery()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        await Submit(worker, id);
        var delivered = Time.GetUtcNow();
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "もう一度" }));
        Time.Advance(TimeSpan.FromDays(40));
        await Submit(worker, id, "v2");
        Time.Advance(TimeSpan.FromDays(8));
        await RunClock();
        var c = await ContractOf(worker, id);
        Assert.That(Str(c["closedBy"]), Is.EqualTo("lapse"));
        Assert.That(Str(c["paymentDueOn"]), Is.EqualTo(Day(JapanDay(delivered).AddDays(59))), "not 30 days after the acceptance on day 48");
    }

    [Test]
    public async Task A_forwarded_submission_starts_the_clock_when_it_reaches_the_business()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        var link = await Created(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs = true, canAward = true, feeRate = 0.05m }));
        await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null));
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "翻訳", description = "英語へ", category = "translation", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(20), businessId = business.Id, producerReview = true,
        }));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job))));
        await Submit(worker, Id(contract));
        Time.Advance(TimeSpan.FromDays(10));
        await RunClock();
        Assert.That(Str((await ContractOf(worker, Id(contract)))["status"]), Is.EqualTo("inReview"), "the producer's review has no lapse");
        await Ok(await producer.Http.PostAsync($"/api/contracts/{Id(contract)}/forward", null));
        Assert.That((await ContractOf(worker, Id(contract)))["inspectionEndsAt"]!.GetValue<DateTimeOffset>(),
            Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromSeconds(1)));
    }
}

/// <summary>Agreed changes of the delivery date and the amount (Freelance Act art. 5: no cut of the fee after the order).</summary>
public sealed class ChangeRequestTests : DealTest
{
    private static object Change(long? amount = null, DateTimeOffset? deliveryDate = null, string reason = "範囲が増えたため") =>
        new { amount, deliveryDate, reason };

    [Test]
    public async Task A_raised_amount_accepted_writes_version_2_and_asks_for_the_difference_into_escrow()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var later = Time.GetUtcNow().AddDays(40);
        var request = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(150_000, later)));
        Assert.That(Str(request["status"]), Is.EqualTo("pending"));
        Assert.That(Str(request["side"]), Is.EqualTo("worker"));
        await Problem(await worker.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Business)).Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null), HttpStatusCode.NotFound);

        var changed = await Ok(await business.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null));
        Assert.That(changed["contract"]!["amount"]!.GetValue<long>(), Is.EqualTo(150_000));
        Assert.That(changed["contract"]!["deadline"]!.GetValue<DateTimeOffset>(), Is.EqualTo(later).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(changed["contract"]!["termsVersion"]!.GetValue<int>(), Is.EqualTo(2));
        var v2 = (await TermsOf(worker, id))["terms"]!;
        Assert.That(v2["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Str(v2["changeRequestId"]), Is.EqualTo(Id(request)));
        Assert.That(v2["amount"]!["total"]!.GetValue<long>(), Is.EqualTo(150_000));
        Assert.That(v2["fees"]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(15_315));
        Assert.That((await TermsOf(worker, id, 1))["terms"]!["amount"]!["total"]!.GetValue<long>(), Is.EqualTo(100_000), "version 1 stays");
        Assert.That(Balance($"escrow:{id}"), Is.EqualTo(150_000), "the top-up was confirmed at once in these tests");
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE contract_id = '{id}'"), Is.EqualTo(2));
        Assert.That(Str((await Settlement(business, id))["paymentStatus"]), Is.EqualTo("confirmed"));
        await Submit(worker, id);
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/accept", null));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(150_000 - 15_000 - 15_315));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
    }

    [Test]
    public async Task A_business_cannot_lower_the_amount_without_the_worker_who_gets_the_difference_refunded_to_the_business()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var request = await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(60_000)));
        await Problem(await business.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null), HttpStatusCode.Forbidden);
        Assert.That((await ContractOf(worker, id))["amount"]!.GetValue<long>(), Is.EqualTo(100_000), "nothing changed on the business's word");

        await Ok(await worker.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null));
        Assert.That(Balance($"escrow:{id}"), Is.EqualTo(60_000));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-60_000));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'adjust:{Id(request)}'"), Is.EqualTo(1));
        await Conflict(await worker.Http.PostAsync($"/api/change-requests/{Id(request)}/decline", null), "changeAnswered");
    }

    [Test]
    public async Task A_declined_change_changes_nothing_and_only_one_request_waits_at_a_time()
    {
        var (business, worker, contract) = await Contract(50_000);
        var id = Id(contract);
        var earlier = Time.GetUtcNow().AddDays(3);
        var request = await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(deliveryDate: earlier)));
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(60_000)), "changePending");
        await Ok(await worker.Http.PostAsync($"/api/change-requests/{Id(request)}/decline", null));
        Assert.That((await ContractOf(worker, id))["deadline"]!.GetValue<DateTimeOffset>(), Is.EqualTo(contract["deadline"]!.GetValue<DateTimeOffset>()));
        Assert.That((await TermsOf(worker, id))["latestVersion"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Kind(business.Id, "changeDeclined"), Is.EqualTo(1));
    }

    [Test]
    public async Task Bad_change_requests_are_400s_and_a_delivered_contract_keeps_its_terms()
    {
        var (business, worker, contract) = await Contract(50_000);
        var id = Id(contract);
        var none = await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change()), HttpStatusCode.BadRequest);
        Assert.That(none["errors"]!["amount"], Is.Not.Null);
        var past = await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests",
            Change(deliveryDate: Time.GetUtcNow().AddDays(-1))), HttpStatusCode.BadRequest);
        Assert.That(past["errors"]!["deliveryDate"], Is.Not.Null);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(0)), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(50_000)), HttpStatusCode.BadRequest);
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(60_000)),
            HttpStatusCode.NotFound);
        await Submit(worker, id);
        await Conflict(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(60_000)), "contractStatus");
    }
}

/// <summary>Ending a contract by agreement before completion, with a share for the worker.</summary>
public sealed class CancellationTests : DealTest
{
    private static object Proposal(long workerShare, string reason = "事情により中止") => new { reason, workerShare };

    [Test]
    public async Task An_accepted_cancellation_pays_the_share_with_fees_and_withholding_and_refunds_the_rest()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        await Submit(worker, id);
        var proposed = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(40_000)));
        Assert.That(Str(proposed["cancellation"]!["status"]), Is.EqualTo("proposed"));
        Assert.That(proposed["cancellation"]!["workerShare"]!.GetValue<long>(), Is.EqualTo(40_000));
        Assert.That(Kind(business.Id, "cancellationProposed"), Is.EqualTo(1));

        var cancelled = await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Str(cancelled["contract"]!["status"]), Is.EqualTo("cancelled"));
        Assert.That(Str(cancelled["contract"]!["closedBy"]), Is.EqualTo("cancellation"));
        Assert.That(cancelled["contract"]!["workerShare"]!.GetValue<long>(), Is.EqualTo(40_000));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(40_000 - 4_000 - 4_084));
        Assert.That(Balance("platform"), Is.EqualTo(4_000));
        Assert.That(Balance($"withholding:{business.Id}"), Is.EqualTo(4_084));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-40_000), "60,000 came back");
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Str(cancelled["contract"]!["paymentDueOn"]), Is.EqualTo(Day(JapanDay(Time.GetUtcNow()).AddDays(30))));
        await Conflict(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null), "noOpenCancellation");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'release:%'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_brokered_cancellation_pays_the_producer_its_fee_on_the_share_only()
    {
        var (business, producer, worker, contract) = await BrokeredContract(50_000);
        var id = Id(contract);
        await Created(await producer.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(20_000)));
        await Problem(await producer.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null), HttpStatusCode.Forbidden);
        await Ok(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Balance($"producer:{producer.Id}"), Is.EqualTo(1_000));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(18_000));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-21_000));
    }

    [Test]
    public async Task While_a_cancellation_waits_the_contract_is_on_hold()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        await Submit(worker, id);
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(0)));
        await Conflict(await business.Http.PostAsync($"/api/contracts/{id}/accept", null), "contractOnHold");
        await Conflict(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "x" }), "contractOnHold");
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(1)), "contractOnHold");
        Time.Advance(TimeSpan.FromDays(8) - TimeSpan.FromHours(2));
        Assert.That((await RunClock()).AcceptedByLapse, Is.Zero, "the inspection does not lapse while a cancellation waits");
        Assert.That(Str((await ContractOf(worker, id))["status"]), Is.EqualTo("submitted"));
    }

    [Test]
    public async Task Refusals_stranger_404_proposer_403_share_above_amount_400_closed_contract_409()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(0)), HttpStatusCode.NotFound);
        var above = await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(30_001)), HttpStatusCode.BadRequest);
        Assert.That(above["errors"]!["workerShare"], Is.Not.Null);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(-1)), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = " ", workerShare = 0 }), HttpStatusCode.BadRequest);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(0)));
        await Problem(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null), HttpStatusCode.Forbidden);
        await Problem(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/decline", null), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Business)).Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null), HttpStatusCode.NotFound);
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Balance($"business:{business.Id}"), Is.Zero, "a share of 0 refunds everything");
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(0)), "contractStatus");
    }

    [Test]
    public async Task A_job_with_a_proposed_cancellation_cannot_be_withdrawn_around_it()
    {
        var (business, worker, contract) = await Contract(30_000);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", Proposal(0)));
        await Problem(await business.Http.PostAsync($"/api/jobs/{Str(contract["jobId"])}/cancel", null), HttpStatusCode.Conflict);
        Assert.That(Str((await ContractOf(worker, Id(contract)))["status"]), Is.EqualTo("active"));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/cancellation/accept", null));
        var (business2, worker2, other) = await Contract(30_000);
        await Ok(await business2.Http.PostAsync($"/api/jobs/{Str(other["jobId"])}/cancel", null));
        Assert.That(Str((await ContractOf(worker2, Id(other)))["closedBy"]), Is.EqualTo("jobCancelled"));
    }

    [Test]
    public async Task An_unfunded_escrow_can_pay_no_share()
    {
        App.Dispose();
        App = new MarketplaceApp(TemplateDatabase.NewCopy(), new Dictionary<string, string?>(Settings!) { ["Money:AutoConfirmPayments"] = "false" }, clock: Time);
        var (_, worker, contract) = await Contract(30_000);
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", Proposal(1)), "escrowShort");
    }

    [Test]
    public async Task The_worker_may_decline_a_revision_only_after_the_free_ones()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        for (var round = 1; round <= 4; round++)
        {
            await Submit(worker, id, $"v{round}");
            await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = $"修正{round}" }));
            if (round < 4)
                await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/decline-revision", Proposal(30_000, "もう直せません")),
                    "freeRevisionsLeft");
        }
        await Problem(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/decline-revision", Proposal(0)), HttpStatusCode.Forbidden);
        var declined = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/decline-revision", Proposal(30_000, "4回目の修正はお受けできません")));
        Assert.That(declined["cancellation"]!["declinesRevision"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(declined["cancellation"]!["side"]), Is.EqualTo("worker"));
    }
}

/// <summary>Disputes: a declined or unanswered cancellation, decided once by an administrator.</summary>
public sealed class DisputeTests : DealTest
{
    private async Task<(User Business, User Worker, string ContractId, string DisputeId)> Disputed(long amount = 100_000)
    {
        var (business, worker, contract) = await Contract(amount, "design");
        var id = Id(contract);
        await Submit(worker, id);
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = "品質不足", workerShare = 0 }));
        var declined = await Ok(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/decline", null));
        return (business, worker, id, Str(declined["disputeId"]));
    }

    [Test]
    public async Task The_administrator_deciding_a_dispute_reads_the_contracts_messages_and_the_decided_share_is_invoiced()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var contractId = Id(contract);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contractId}/messages", new { body = "色は指定どおりです" }));
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{contractId}/messages", new { body = "見本と違います" }));
        await Submit(worker, contractId);
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{contractId}/cancellation", new { reason = "品質不足", workerShare = 0 }));
        var disputeId = Str((await Ok(await worker.Http.PostAsync($"/api/contracts/{contractId}/cancellation/decline", null)))["disputeId"]);
        var admin = await Administrator();
        var detail = await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}"));
        Assert.That(detail["messages"]!.AsArray().Select(m => Str(m!["body"])), Is.EqualTo(new[] { "色は指定どおりです", "見本と違います" }));

        await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 70_000, reason = "7割の出来" }));
        var documents = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{contractId}/documents"))!;
        var invoice = documents.Single(d => Str(d!["kind"]) == "workerInvoice")!;
        Assert.That(invoice["amount"]!.GetValue<long>(), Is.EqualTo(70_000), "the invoice bills the share, not the amount");
        Assert.That(invoice["withholdingTax"]!.GetValue<long>(), Is.EqualTo(7_147));
    }

    [Test]
    public async Task A_declined_cancellation_opens_a_dispute_both_sides_state_their_case_and_an_administrator_decides_once()
    {
        var (business, worker, contractId, disputeId) = await Disputed();
        Assert.That(Kind(business.Id, "disputeOpened"), Is.EqualTo(1));
        Assert.That(Kind(worker.Id, "disputeOpened"), Is.EqualTo(1));
        await Created(await worker.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "仕様どおり納品しました" }));
        var both = await Created(await business.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "色が違います" }));
        Assert.That(both["statements"]!.AsArray().Select(s => Str(s!["side"])), Is.EqualTo(new[] { "worker", "business" }));
        Assert.That(both["submissions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(both["escrowBalance"]!.GetValue<long>(), Is.EqualTo(100_000));
        Assert.That(both["maxWorkerShare"]!.GetValue<long>(), Is.EqualTo(100_000));
        Assert.That(Str(both["cancellation"]!["status"]), Is.EqualTo("declined"));

        await Problem(await business.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 0, reason = "x" }), HttpStatusCode.Forbidden);
        var admin = await Administrator();
        await Problem(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "x" }), HttpStatusCode.Forbidden);
        await Problem(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 100_001, reason = "x" }), HttpStatusCode.BadRequest);
        var decided = await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 70_000, reason = "7割の出来" }));
        Assert.That(Str(decided["dispute"]!["status"]), Is.EqualTo("decided"));
        Assert.That(decided["dispute"]!["workerShare"]!.GetValue<long>(), Is.EqualTo(70_000));
        Assert.That(Str(decided["dispute"]!["decidedByName"]), Is.EqualTo("Administrator"));
        var closed = await ContractOf(worker, contractId);
        Assert.That(Str(closed["status"]), Is.EqualTo("cancelled"));
        Assert.That(Str(closed["closedBy"]), Is.EqualTo("decision"));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(70_000 - 7_000 - 7_147));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-70_000));
        Assert.That(Balance($"escrow:{contractId}"), Is.Zero);
        Assert.That(Scalar($"SELECT COUNT(*) FROM audit_entries WHERE action = 'decideDispute' AND object_id = '{disputeId}'"), Is.EqualTo(1));
        Assert.That(Kind(business.Id, "disputeDecided") + Kind(worker.Id, "disputeDecided"), Is.EqualTo(2));

        await Conflict(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 0, reason = "やり直し" }), "disputeDecided");
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "追記" }), "disputeDecided");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'release:%'"), Is.EqualTo(1), "released once");
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(55_853), "the first decision stands");
    }

    /// <summary>
    /// 0014_admin_dispute_files.sql: the administrator who decides reads the submissions and the thread, so it opens
    /// their files; a contract without a dispute stays closed to it (404, as for a file that does not exist).
    /// </summary>
    [Test]
    public async Task An_administrator_downloads_the_files_of_a_disputed_contract_and_of_no_other()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var delivered = await Created(await worker.Http.Upload(Uploads.Pdf, "納品データ.pdf"));
        var attached = await Created(await worker.Http.Upload(Uploads.Png, "色見本.png"));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "納品します", fileIds = new[] { Id(delivered) } }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/messages", new { body = "色見本です", fileIds = new[] { Id(attached) } }));

        var (_, otherWorker, other) = await Contract(50_000, "design");
        var undisputed = await Created(await otherWorker.Http.Upload(Uploads.Pdf, "別件.pdf"));
        await Created(await otherWorker.Http.PostAsJsonAsync($"/api/contracts/{Id(other)}/submissions", new { message = "納品", fileIds = new[] { Id(undisputed) } }));

        var admin = await Administrator();
        await Problem(await admin.Http.GetAsync($"/api/files/{Id(delivered)}"), HttpStatusCode.NotFound); // no dispute yet: not the administrator's business

        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = "品質不足", workerShare = 0 }));
        var disputeId = Str((await Ok(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/decline", null)))["disputeId"]);

        var submissionFile = await admin.Http.GetAsync($"/api/files/{Id(delivered)}");
        Assert.That(submissionFile.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await submissionFile.Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));
        Assert.That((await admin.Http.GetAsync($"/api/files/{Id(attached)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the thread's files too");
        await Problem(await admin.Http.GetAsync($"/api/files/{Id(undisputed)}"), HttpStatusCode.NotFound);
        // The dispute page names the files it links to.
        var detail = await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}"));
        Assert.That(detail["submissions"]!.ToJsonString(), Does.Contain(Id(delivered)));
        // Nobody else gains anything by it.
        await Problem(await (await SignUp(Role.Business)).Http.GetAsync($"/api/files/{Id(delivered)}"), HttpStatusCode.NotFound);

        // Once decided, the files stay open to administrators (a decision may be reviewed).
        await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 50_000, reason = "半分" }));
        Assert.That((await admin.Http.GetAsync($"/api/files/{Id(delivered)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Racing_decisions_release_the_escrow_once()
    {
        var (_, _, contractId, disputeId) = await Disputed();
        var admin = await Administrator();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = i * 10_000, reason = $"decision {i}" })));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(3));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'release:{contractId}'"), Is.EqualTo(1));
        Assert.That(Balance($"escrow:{contractId}"), Is.Zero);
    }

    [Test]
    public async Task An_unanswered_cancellation_becomes_a_dispute_once_however_often_the_clock_runs()
    {
        var (business, worker, contract) = await Contract(30_000);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", new { reason = "体調不良", workerShare = 10_000 }));
        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.That((await RunClock()).Disputes, Is.Zero);
        Time.Advance(TimeSpan.FromMinutes(2));
        using var second = new MarketplaceApp(App.DatabasePath, Settings, clock: Time);
        var runs = await Task.WhenAll(RunClock(), RunClock(second), RunClock());
        Assert.That(runs.Sum(r => r.Disputes), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM disputes"), Is.EqualTo(1));
        var detail = await Detail(business, Id(contract));
        Assert.That(Str(detail["cancellation"]!["status"]), Is.EqualTo("lapsed"));
        Assert.That(Str(detail["disputeId"]), Is.Not.Empty);
        Assert.That(Kind(business.Id, "disputeOpened"), Is.EqualTo(1));
    }

    [Test]
    public async Task Each_sees_only_its_own_disputes_and_administrators_see_the_queue()
    {
        var (business, worker, _, disputeId) = await Disputed();
        var (otherBusiness, _, _, otherId) = await Disputed();
        Assert.That((await Ok(await business.Http.GetAsync("/api/disputes")))["items"]!.AsArray().Select(d => Id(d!.AsObject())),
            Is.EqualTo(new[] { disputeId }));
        Assert.That((await Ok(await worker.Http.GetAsync("/api/disputes")))["items"]!.AsArray().Select(d => Id(d!.AsObject())),
            Is.EqualTo(new[] { disputeId }));
        await Problem(await otherBusiness.Http.GetAsync($"/api/disputes/{disputeId}"), HttpStatusCode.NotFound);
        await Problem(await otherBusiness.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "x" }), HttpStatusCode.NotFound);
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 0, reason = "x" }),
            HttpStatusCode.NotFound);

        var unenrolled = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "plain-admin@test.example", Password);
        var plain = Browser();
        await Ok(await plain.PostAsJsonAsync("/api/auth/login", new { email = unenrolled.Email, password = Password }));
        await Problem(await plain.GetAsync("/api/disputes"), HttpStatusCode.Forbidden);

        var admin = await Administrator();
        var queue = await Ok(await admin.Http.GetAsync("/api/disputes?status=open"));
        Assert.That(queue["items"]!.AsArray().Select(d => Id(d!.AsObject())), Is.EqualTo(new[] { otherId, disputeId }));
        var page = await Ok(await admin.Http.GetAsync("/api/disputes?limit=1"));
        Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(Str(page["nextCursor"]), Is.Not.Empty);
        Assert.That((await Ok(await admin.Http.GetAsync("/api/disputes?status=decided")))["items"]!.AsArray(), Is.Empty);
        await Problem(await admin.Http.GetAsync("/api/disputes?status=lost"), HttpStatusCode.BadRequest);
        Assert.That(Str((await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}")))["dispute"]!["businessName"]), Is.EqualTo(business.DisplayName));
    }
}

public sealed class AnswerPeriodTests : DealTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Disputes:AnswerDays"] = "10" };

    [Test]
    public async Task The_contract_tells_the_client_how_long_the_other_party_has_to_answer_a_cancellation()
    {
        var (business, _, contract) = await Contract(30_000, "design");
        Assert.That((await Detail(business, Id(contract)))["cancellationAnswerDays"]!.GetValue<int>(), Is.EqualTo(10));
    }
}
