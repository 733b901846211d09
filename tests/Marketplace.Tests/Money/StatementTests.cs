using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

public sealed class StatementTests : MoneyTest
{
    [Test]
    public async Task Each_party_reads_its_own_statement_with_the_totals_of_its_side()
    {
        var (business, worker, contract) = await Contract(1_200_000, "translation");
        await Deliver(business, worker, Id(contract));

        var earnings = await Ok(await worker.Http.GetAsync("/api/me/statement"));
        Assert.That(earnings["totals"]!["gross"]!.GetValue<long>(), Is.EqualTo(1_200_000));
        Assert.That(earnings["totals"]!["platformFees"]!.GetValue<long>(), Is.EqualTo(120_000));
        Assert.That(earnings["totals"]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(142_940));
        Assert.That(earnings["totals"]!["net"]!.GetValue<long>(), Is.EqualTo(937_060));

        var payments = await Ok(await business.Http.GetAsync("/api/me/statement"));
        Assert.That(payments["totals"]!["net"]!.GetValue<long>(), Is.EqualTo(-1_057_060), "what the business paid in: the amount less the tax");
        Assert.That(payments["totals"]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(142_940), "tax it must remit");

        var stranger = await Ok(await (await SignUp(Role.Worker)).Http.GetAsync("/api/me/statement"));
        Assert.That(stranger["entries"]!.AsArray(), Is.Empty);
        Assert.That(stranger["totals"]!["gross"]!.GetValue<long>(), Is.Zero);
    }

    [Test]
    public async Task The_statement_as_CSV_opens_in_a_spreadsheet()
    {
        var (business, worker, contract) = await Contract(50_000);
        await Deliver(business, worker, Id(contract));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/statement");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await worker.Http.SendAsync(request);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 byte-order mark");
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("日時（日本時間）,内容,仕事,契約ID,金額（円）"), "Japanese, the site's language, when the reader names none");
        Assert.That(lines, Has.Some.EndsWith(",39895"), "¥50,000 less the 10% fee and ¥5,105 tax");
    }

    [Test]
    public async Task A_period_given_in_Japan_time_selects_the_right_entries()
    {
        var (business, worker, contract) = await Contract(50_000);
        await Deliver(business, worker, Id(contract));
        var jst = TimeSpan.FromHours(9);
        string Jst(DateTimeOffset t) => Uri.EscapeDataString(t.ToOffset(jst).ToString("yyyy-MM-ddTHH:mm:sszzz"));
        var now = DateTimeOffset.UtcNow;
        var around = await Ok(await worker.Http.GetAsync($"/api/me/statement?from={Jst(now.AddMinutes(-5))}&to={Jst(now.AddMinutes(5))}"));
        Assert.That(around["entries"]!.AsArray(), Has.Count.EqualTo(1));
        var after = await Ok(await worker.Http.GetAsync($"/api/me/statement?from={Jst(now.AddMinutes(5))}&to={Jst(now.AddHours(1))}"));
        Assert.That(after["entries"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_reversed_period_is_a_400()
    {
        var worker = await SignUp(Role.Worker);
        await Problem(await worker.Http.GetAsync("/api/me/statement?from=2026-12-01&to=2026-01-01"), HttpStatusCode.BadRequest);
    }
}
