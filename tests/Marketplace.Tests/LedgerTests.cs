using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>The ledger's own rules, through its public posting call: balanced, once per event, no empty lines.</summary>
public sealed class LedgerPostingTests : MoneyTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_posting_must_balance_and_one_that_does_not_writes_nothing()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
        {
        Assert.ThrowsAsync<InvalidOperationException>(() =>
            Escrow.PostAsync(db, "unbalanced", null, "d", Now, ("business:b", -5), ("escrow:c", 4)));
        Assert.That(await Escrow.PostAsync(db, "balanced", null, "d", Now, ("business:b", -5), ("escrow:c", 5)), Is.True);
            return 0;
        });

        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'unbalanced'"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'balanced'"), Is.EqualTo(1));
        Assert.That(Balance("business:b"), Is.EqualTo(-5));
        Assert.That(Balance("escrow:c"), Is.EqualTo(5));
    }

    [Test]
    public async Task An_event_posts_once_however_often_it_is_told()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
        {
        Assert.That(await Escrow.PostAsync(db, "fund:x", null, "first", Now, ("business:b", -7), ("escrow:x", 7)), Is.True);
        Assert.That(await Escrow.PostAsync(db, "fund:x", null, "retry", Now, ("business:b", -7), ("escrow:x", 7)), Is.False,
            "the second call says it posted nothing");
            return 0;
        });

        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries"), Is.EqualTo(2));
        Assert.That(Balance("escrow:x"), Is.EqualTo(7));
    }

    [Test]
    public async Task Lines_of_zero_yen_are_left_out_and_a_posting_of_only_zeros_is_no_transaction()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
        {
        Assert.That(await Escrow.PostAsync(db, "with-zero", null, "d", Now, ("escrow:c", -9), ("worker:w", 9), ("platform", 0)), Is.True);
        Assert.That(await Escrow.PostAsync(db, "all-zero", null, "d", Now, ("escrow:c", 0), ("worker:w", 0)), Is.False);
            return 0;
        });

        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries"), Is.EqualTo(2));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries WHERE account = 'platform'"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'all-zero'"), Is.Zero);
    }
}

/// <summary>Where each yen goes, read through the API, for the paths the escrow tests leave out.</summary>
public sealed class SettlementTests : MoneyTest
{
    [Test]
    public async Task The_settlement_shows_the_whole_split_the_payment_and_the_escrow_balance()
    {
        var (business, worker, contract) = await Contract(1_200_000, "writing");
        var held = await Settlement(worker, Id(contract));
        Assert.That(held["amount"]!.GetValue<long>(), Is.EqualTo(1_200_000));
        Assert.That(held["producerFee"]!.GetValue<long>(), Is.Zero);
        Assert.That(held["platformFee"]!.GetValue<long>(), Is.EqualTo(120_000));
        Assert.That(held["withholdingTax"]!.GetValue<long>(), Is.EqualTo(142_940));
        Assert.That(held["workerNet"]!.GetValue<long>(), Is.EqualTo(937_060));
        Assert.That(held["escrowTotal"]!.GetValue<long>(), Is.EqualTo(1_200_000));
        Assert.That(held["escrowBalance"]!.GetValue<long>(), Is.EqualTo(1_200_000), "funded at once in these tests");
        Assert.That(held["funded"]!.GetValue<bool>(), Is.True);
        Assert.That(held["released"]!.GetValue<bool>(), Is.False);
        Assert.That(Str(held["paymentStatus"]), Is.EqualTo("confirmed"));
        Assert.That(Str(held["paymentId"]), Is.EqualTo(Str((await Settlement(business, Id(contract)))["paymentId"])));

        await Deliver(business, worker, Id(contract));
        var released = await Settlement(business, Id(contract));
        Assert.That(released["released"]!.GetValue<bool>(), Is.True);
        Assert.That(released["escrowBalance"]!.GetValue<long>(), Is.Zero);
        Assert.That(Scalar($"SELECT released_at IS NOT NULL FROM contracts WHERE id = '{Id(contract)}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Without_a_producer_the_release_pays_exactly_worker_platform_and_tax_office()
    {
        var (business, worker, contract) = await Contract(50_000, "translation");
        await Deliver(business, worker, Id(contract));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_entries WHERE account LIKE 'producer:%'"), Is.Zero);
        Assert.That(Balance("platform"), Is.EqualTo(5_000));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(39_895));
        Assert.That(Balance($"withholding:{business.Id}"), Is.EqualTo(5_105));
        Assert.That(Balance($"escrow:{Id(contract)}"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions"), Is.EqualTo(2), "fund and release");
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'release:{Id(contract)}' AND contract_id = '{Id(contract)}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refund_returns_the_producer_fee_too()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        var link = await Created(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs = true, canAward = true, feeRate = 0.1m }));
        await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null));
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "t", description = "d", category = "design", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));
        await Award(producer, Id(job), Id(await PlaceBid(worker, Id(job), amount: 40_000)));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-44_000), "amount plus the 10% producer fee");
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        Assert.That(Balance($"business:{business.Id}"), Is.Zero);
        Assert.That(Balance($"producer:{producer.Id}"), Is.Zero);
    }

    [Test]
    public async Task The_platform_fee_rate_and_the_withheld_categories_are_settings()
    {
        App.Dispose();
        App = new MarketplaceApp(TemplateDatabase.NewCopy(), new Dictionary<string, string?>
        {
            ["Money:PlatformFeeRate"] = "0.15",
            ["Money:WithholdingCategories:0"] = "dataEntry",
        });
        var (business, _, entry) = await Contract(100_000, "dataEntry");
        var dataEntry = await Settlement(business, Id(entry));
        Assert.That(dataEntry["platformFee"]!.GetValue<long>(), Is.EqualTo(15_000));
        Assert.That(dataEntry["withholdingTax"]!.GetValue<long>(), Is.EqualTo(10_210), "data entry is now a withheld category");
        var (business2, _, design) = await Contract(100_000, "design");
        Assert.That((await Settlement(business2, Id(design)))["withholdingTax"]!.GetValue<long>(), Is.Zero,
            "the setting replaces the default categories, it does not add to them");
    }

    [Test]
    public async Task A_business_reads_back_what_it_said_about_withholding()
    {
        var business = await SignUp(Role.Business);
        // The profile page starts from what is stored: a new business is no withholding agent until it says so.
        Assert.That((await Ok(await business.Http.GetAsync("/api/me/business-profile")))["isWithholdingAgent"]!.GetValue<bool>(), Is.False);
        var on = await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        Assert.That(on["isWithholdingAgent"]!.GetValue<bool>(), Is.True);
        Assert.That((await Ok(await business.Http.GetAsync("/api/me/business-profile")))["isWithholdingAgent"]!.GetValue<bool>(), Is.True);
        Assert.That(Scalar($"SELECT is_withholding_agent FROM users WHERE id = '{business.Id}'"), Is.EqualTo(1));
        var off = await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = false }));
        Assert.That(off["isWithholdingAgent"]!.GetValue<bool>(), Is.False);
        Assert.That(Scalar($"SELECT is_withholding_agent FROM users WHERE id = '{business.Id}'"), Is.Zero);
    }

    [Test]
    public async Task A_body_without_the_setting_is_refused_and_leaves_the_withholding_as_it_was()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var problem = await Problem(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("isWithholdingAgent"), problem.ToJsonString());
        Assert.That(Scalar($"SELECT is_withholding_agent FROM users WHERE id = '{business.Id}'"), Is.EqualTo(1));
    }
}

public sealed class PaymentQueueTests : MoneyTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Money:AutoConfirmPayments"] = "false" };


    [Test]
    public async Task The_queue_names_job_business_amount_and_provider_and_lists_by_status()
    {
        var business = await SignUp(Role.Business, "稲庭うどん工房");
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(title: "メニューの英訳"));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount: 30_000)));
        var admin = await Administrator();

        var pending = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!.Single()!;
        Assert.That(Str(pending["contractId"]), Is.EqualTo(Id(contract)));
        Assert.That(Str(pending["jobTitle"]), Is.EqualTo("メニューの英訳"));
        Assert.That(Str(pending["businessName"]), Is.EqualTo("稲庭うどん工房"));
        Assert.That(Str(pending["provider"]), Is.EqualTo("bankTransfer"));
        Assert.That(Str(pending["status"]), Is.EqualTo("pending"));
        Assert.That(pending["confirmedAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{Id(contract)}' AND funded_at IS NULL"), Is.EqualTo(1));

        Assert.That((await admin.Http.PostAsync($"/api/payments/{Id(pending.AsObject())}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var confirmed = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments?status=confirmed"))!.Single()!;
        Assert.That(Id(confirmed.AsObject()), Is.EqualTo(Id(pending.AsObject())));
        Assert.That(confirmed["confirmedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE confirmed_by = '{admin.Id}'"), Is.EqualTo(1), "who confirmed is kept");
        Assert.That(Balance($"escrow:{Id(contract)}"), Is.EqualTo(30_000));
        Assert.That((await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments?status=cancelled"))!, Is.Empty);
        await Problem(await admin.Http.GetAsync("/api/payments?status=lost"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Confirming_a_payment_that_does_not_exist_is_a_404()
    {
        var admin = await Administrator();
        await Problem(await admin.Http.PostAsync("/api/payments/00000000000000000000000000000000/confirm", null), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_cancelled_contract_lists_its_payment_as_cancelled()
    {
        var (business, _, contract) = await Contract(20_000);
        await Ok(await business.Http.PostAsync($"/api/jobs/{Str(contract["jobId"])}/cancel", null));
        var admin = await Administrator();
        Assert.That((await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!, Is.Empty);
        var cancelled = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments?status=cancelled"))!.Single()!;
        Assert.That(Str(cancelled["contractId"]), Is.EqualTo(Id(contract)));
        Assert.That((await Settlement(business, Id(contract)))["funded"]!.GetValue<bool>(), Is.False);
    }
}

public sealed class StatementSideTests : MoneyTest
{
    [Test]
    public async Task A_producer_reads_its_commissions_and_a_business_its_producer_fees()
    {
        var (business, producer, worker, contract) = await BrokeredContract(50_000);
        await Deliver(business, worker, Id(contract));

        var commissions = await Ok(await producer.Http.GetAsync("/api/me/statement"));
        Assert.That(Str(commissions["role"]), Is.EqualTo("producer"));
        Assert.That(commissions["entries"]!.AsArray().Select(e => e!["amount"]!.GetValue<long>()), Is.EqualTo(new long[] { 2_500 }));
        Assert.That(Str(commissions["entries"]![0]!["contractId"]), Is.EqualTo(Id(contract)));
        Assert.That(Str(commissions["entries"]![0]!["description"]), Is.EqualTo("Escrow released on acceptance"));
        Assert.That(commissions["totals"]!["producerFees"]!.GetValue<long>(), Is.EqualTo(2_500));
        Assert.That(commissions["totals"]!["gross"]!.GetValue<long>(), Is.EqualTo(50_000), "of the contracts it brokered");
        Assert.That(commissions["totals"]!["net"]!.GetValue<long>(), Is.EqualTo(2_500));

        var paid = await Ok(await business.Http.GetAsync("/api/me/statement"));
        Assert.That(Str(paid["role"]), Is.EqualTo("business"));
        Assert.That(paid["entries"]!.AsArray().Select(e => e!["amount"]!.GetValue<long>()), Is.EqualTo(new long[] { -52_500 }));
        Assert.That(Str(paid["entries"]![0]!["description"]), Is.EqualTo("Escrow funded by the business"));
        Assert.That(paid["totals"]!["gross"]!.GetValue<long>(), Is.EqualTo(50_000));
        Assert.That(paid["totals"]!["producerFees"]!.GetValue<long>(), Is.EqualTo(2_500));
        Assert.That(paid["totals"]!["platformFees"]!.GetValue<long>(), Is.EqualTo(5_000));
        Assert.That(paid["totals"]!["withholdingTax"]!.GetValue<long>(), Is.Zero);
        Assert.That(paid["totals"]!["net"]!.GetValue<long>(), Is.EqualTo(-52_500));

        var earned = await Ok(await worker.Http.GetAsync("/api/me/statement"));
        Assert.That(Str(earned["role"]), Is.EqualTo("worker"));
        Assert.That(earned["totals"]!["producerFees"]!.GetValue<long>(), Is.EqualTo(2_500));
        Assert.That(earned["totals"]!["net"]!.GetValue<long>(), Is.EqualTo(45_000));
    }

    [Test]
    public async Task The_statement_period_defaults_to_everything_until_tomorrow_and_an_administrator_has_none()
    {
        var (business, worker, contract) = await Contract(50_000);
        await Deliver(business, worker, Id(contract));
        var all = await Ok(await worker.Http.GetAsync("/api/me/statement"));
        Assert.That(all["from"]!.GetValue<DateTimeOffset>(), Is.EqualTo(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(all["to"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow.AddDays(1)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(all["entries"]!.AsArray(), Has.Count.EqualTo(1));
        var before = await Ok(await worker.Http.GetAsync("/api/me/statement?to=2026-01-01T00:00:00Z"));
        Assert.That(before["entries"]!.AsArray(), Is.Empty);
        Assert.That(before["totals"]!["gross"]!.GetValue<long>(), Is.Zero, "released after the period");

        var admin = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password);
        var http = Browser();
        await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email = admin.Email, password = Password }));
        await Problem(await http.GetAsync("/api/me/statement"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_CSV_lists_every_entry_and_the_totals_in_Japanese_and_is_chosen_by_the_Accept_header_in_any_case()
    {
        var (business, worker, contract) = await Contract(50_000);
        await Deliver(business, worker, Id(contract));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/statement");
        request.Headers.Accept.ParseAdd("TEXT/CSV");
        var response = await worker.Http.SendAsync(request);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("statement.csv"));
        var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]);
        var lines = text.Split("\r\n");
        Assert.That(lines[0], Is.EqualTo("日時（日本時間）,内容,仕事,契約ID,金額（円）"));
        Assert.That(lines[1], Does.Match(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},検収による支払い,[^,]+," + Id(contract) + ",39895$"));
        Assert.That(lines[2..], Is.EqualTo(new[]
        {
            "合計,報酬の総額,,,50000", "合計,サービス手数料,,,5000", "合計,源泉徴収された所得税,,,5105", "合計,確定した報酬（手取り）,,,39895", "",
        }));
    }

    [Test]
    public async Task A_business_reads_in_its_CSV_what_it_paid_in_and_the_tax_it_must_remit_by_the_10th_of_next_month()
    {
        var (business, worker, contract) = await Contract(50_000);
        await Deliver(business, worker, Id(contract));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/statement");
        request.Headers.Accept.ParseAdd("text/csv");
        var lines = Encoding.UTF8.GetString((await (await business.Http.SendAsync(request)).Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.That(lines, Has.Some.Match(@",エスクローへの支払い,[^,]+," + Id(contract) + ",-50000$"));
        Assert.That(lines, Does.Contain("合計,エスクローに支払った額,,,50000"));
        Assert.That(lines, Does.Contain("合計,検収で支払われた報酬,,,50000"));
        Assert.That(lines, Does.Contain("合計,あなたが納める源泉徴収税,,,5105"));
        Assert.That(lines, Has.Some.Match(@"^合計,\d{4}-\d{2}-10までに納付,,,5105$"), "所得税法第204条: by the 10th of the month after payment");
        Assert.That(lines, Has.None.Contain("報酬の総額"), "a worker's totals are not the business's");
    }

    [TestCase("en", "en")]
    [TestCase("en-GB,ja;q=0.5", "en")]
    [TestCase("fr, en;q=0.8, ja;q=0.9", "ja")]
    [TestCase("ja-JP", "ja")]
    [TestCase("fr", "ja")]
    public async Task The_CSV_is_worded_in_the_language_the_reader_asks_for(string acceptLanguage, string expected)
    {
        var (business, worker, contract) = await Contract(50_000);
        await Deliver(business, worker, Id(contract));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/statement");
        request.Headers.Accept.ParseAdd("text/csv");
        request.Headers.Add("Accept-Language", acceptLanguage);
        var lines = Encoding.UTF8.GetString((await (await worker.Http.SendAsync(request)).Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        if (expected == "en")
        {
            Assert.That(lines[0], Is.EqualTo("date (Japan time),entry,job,contract_id,amount_yen"));
            Assert.That(lines[1], Does.Contain(",Paid on acceptance,"));
            Assert.That(lines[^2], Is.EqualTo("total,Earned (net),,,39895"));
        }
        else
            Assert.That(lines[0], Is.EqualTo("日時（日本時間）,内容,仕事,契約ID,金額（円）"));
    }

    [Test]
    public void CSV_fields_are_quoted_as_RFC_4180_says_and_never_start_a_formula()
    {
        var statement = new Statement
        {
            Role = Role.Worker, From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch,
            Entries =
            [
                // 15:05 UTC on the 21st is already the 22nd in Japan: the CSV books it on the 22nd.
                new StatementEntry { Date = new DateTimeOffset(2026, 11, 21, 15, 5, 7, TimeSpan.Zero), Description = "", JobTitle = "=HYPERLINK(\"x\")", ContractId = "c1", Amount = -5 },
                new StatementEntry { Date = DateTimeOffset.UnixEpoch, Description = "", JobTitle = "+1", ContractId = "@c", Amount = 1 },
                new StatementEntry { Date = DateTimeOffset.UnixEpoch, Description = "", JobTitle = "\tx", ContractId = null, Amount = 2 },
                new StatementEntry { Date = DateTimeOffset.UnixEpoch, Description = "", JobTitle = "a,b", ContractId = "line\nbreak", Amount = 3 },
                new StatementEntry { Date = DateTimeOffset.UnixEpoch, Description = "", JobTitle = "cr\rhere", ContractId = "say \"hi\"", Amount = 4 },
            ],
            Totals = new StatementTotals { Gross = 1, PlatformFees = 2, ProducerFees = 3, WithholdingTax = 4, Net = 5 },
        };
        var bytes = GetStatement.Csv(statement, Marketplace.Mail.Language.En);
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.That(text, Is.EqualTo(
            "date (Japan time),entry,job,contract_id,amount_yen\r\n" +
            "2026-11-22 00:05:07,Paid into escrow,\"'=HYPERLINK(\"\"x\"\")\",c1,-5\r\n" +
            "1970-01-01 09:00:00,Paid into escrow,'+1,'@c,1\r\n" +
            "1970-01-01 09:00:00,Paid into escrow,'\tx,,2\r\n" +
            "1970-01-01 09:00:00,Paid into escrow,\"a,b\",\"line\nbreak\",3\r\n" +
            "1970-01-01 09:00:00,Paid into escrow,\"cr\rhere\",\"say \"\"hi\"\"\",4\r\n" +
            "total,Fees earned,,,1\r\ntotal,Platform fees,,,2\r\ntotal,Income tax withheld,,,4\r\ntotal,Earned (net),,,5\r\n"));
    }
}
