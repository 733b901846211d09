using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class PaymentRecordTests : MoneyTest
{
    [Test]
    public async Task A_withholding_business_gets_a_record_per_payee_whose_sums_match_the_ledger()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/tax-details", new { invoiceNumber = "", legalName = "佐藤 美咲", postalAddress = "秋田県湯沢市佐竹町1-1" }));
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = true }));
        foreach (var amount in new long[] { 300_000, 250_000 })
        {
            var job = await PostJob(business, NewJob(category: "design", budgetMin: 1, budgetMax: 400_000));
            var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount)));
            await Deliver(business, worker, Id(contract));
        }
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year;
        var records = await Ok(await business.Http.GetAsync($"/api/me/payment-records?year={year}"));
        var row = records["rows"]!.AsArray().Single()!;
        Assert.That(Str(records["side"]), Is.EqualTo("payer"));
        Assert.That(row["amount"]!.GetValue<long>(), Is.EqualTo(550_000));
        Assert.That(row["withholdingTax"]!.GetValue<long>(), Is.EqualTo(30_630 + 25_525));
        Assert.That(Str(row["kind"]), Is.EqualTo("デザイン料"));
        Assert.That(row["filingRequired"]!.GetValue<bool>(), Is.True, "over ¥500,000 in the year");
        Assert.That(Str(row["postalAddress"]), Is.EqualTo("秋田県湯沢市佐竹町1-1"));

        var csv = await business.Http.GetAsync($"/api/me/payment-records?year={year}&format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("支払を受ける者の住所(居所)又は所在地,支払を受ける者の氏名又は名称,個人番号又は法人番号,区分,細目,支払金額,源泉徴収税額"));
        Assert.That(lines[1], Is.EqualTo("秋田県湯沢市佐竹町1-1,佐藤 美咲,,デザイン料,,550000,56155,2件,要"));

        var mine = await Ok(await worker.Http.GetAsync($"/api/me/payment-records?year={year}"));
        Assert.That(Str(mine["side"]), Is.EqualTo("payee"));
        Assert.That(Str(mine["rows"]![0]!["name"]), Is.EqualTo("湯沢酒造"));
        Assert.That(mine["rows"]![0]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(56_155));
        Assert.That((await Ok(await business.Http.GetAsync($"/api/me/payment-records?year={year - 1}")))["rows"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_payee_paid_500000_yen_or_less_in_the_year_need_not_be_filed()
    {
        var (business, worker, contract) = await Contract(500_000, "design");
        await Deliver(business, worker, Id(contract));
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year;
        var row = (await Ok(await business.Http.GetAsync($"/api/me/payment-records?year={year}")))["rows"]![0]!;
        Assert.That(row["filingRequired"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Only_businesses_and_workers_have_payment_records()
    {
        var producer = await SignUp(Role.Producer);
        await Problem(await producer.Http.GetAsync("/api/me/payment-records?year=2026"), HttpStatusCode.Forbidden);
        var business = await SignUp(Role.Business);
        await Problem(await business.Http.GetAsync("/api/me/payment-records?year=1999"), HttpStatusCode.BadRequest);
    }
}
