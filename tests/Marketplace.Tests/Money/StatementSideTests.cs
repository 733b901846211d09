using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

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
        // Deductions are negative, so that the lines add up: gross less fees and tax is what was earned, and that less
        // what went to the bank the change of the balance, which the entries sum to.
        Assert.That(lines[2..], Is.EqualTo(new[]
        {
            "合計,報酬の総額,,,50000", "合計,サービス手数料,,,-5000", "合計,源泉徴収された所得税,,,-5105", "合計,確定した報酬（手取り）,,,39895",
            "合計,振込に回した額,,,0", "合計,残高の増減,,,39895", "",
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
        Assert.That(lines, Has.Some.Match(@",エスクローへの支払い,[^,]+," + Id(contract) + ",-44895$"), "the amount less the tax it remits");
        Assert.That(lines, Does.Contain("合計,エスクローに支払った額,,,-44895"));
        Assert.That(lines, Does.Contain("合計,検収・精算で支払った報酬,,,50000"));
        Assert.That(lines, Does.Contain($"合計,源泉徴収税（{WithheldTaxDue.For(DateTimeOffset.UtcNow):yyyy-MM-dd}までにあなたが納付）,,,5105"),
            "所得税法第204条: by the 10th of the month after payment (or the next working day), one figure with its day");
        Assert.That(lines, Does.Contain("合計,入出金の合計,,,-44895"));
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
            Assert.That(lines[^2], Is.EqualTo("total,Change in your balance,,,39895"));
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
            Totals = new StatementTotals { Gross = 1, PlatformFees = 2, ProducerFees = 3, WithholdingTax = 4, Net = 5, Earned = 6, PaidOut = 7 },
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
            "total,Fees earned,,,1\r\ntotal,Platform fees,,,-2\r\ntotal,Income tax withheld,,,-4\r\ntotal,Earned (net),,,6\r\n" +
            "total,Gathered for transfer to your bank,,,-7\r\ntotal,Change in your balance,,,5\r\n"));
    }
}
