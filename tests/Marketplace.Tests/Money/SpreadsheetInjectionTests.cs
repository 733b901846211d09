using System.Net.Http.Json;
using System.Text;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: text people typed (a job's title, a name) reaches a bookkeeper's spreadsheet through the statement and the
/// payment records; a cell a spreadsheet would run as a formula arrives as text, and amounts stay numbers.
/// </summary>
public sealed class SpreadsheetInjectionTests : MoneyTest
{
    private const string Formula = "-1+1+cmd|' /C calc'!A0";

    private static async Task<string[]> CsvLines(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"), Encoding.UTF8.GetString(bytes));
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Test]
    public async Task A_job_title_that_is_a_formula_lands_in_the_statement_as_text()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(title: Formula));
        await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount: 50_000)));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/statement");
        request.Headers.Accept.ParseAdd("text/csv");
        var lines = await CsvLines(await business.Http.SendAsync(request));

        var entry = lines.Single(l => l.Contains("cmd|", StringComparison.Ordinal));
        Assert.That(entry, Does.Contain(",'" + Formula + ",").And.EndWith(",-50000"), "the title as text, the amount a number");
        Assert.That(lines.Where(l => l.Contains("," + Formula, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task A_name_that_is_a_formula_lands_in_the_payment_records_as_text()
    {
        var (business, worker, contract) = await Contract(60_000);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/tax-details", new { invoiceNumber = "", legalName = "=HYPERLINK(\"http://x.example\")", postalAddress = "@秋田県" }));
        await Deliver(business, worker, Id(contract));
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year;

        var lines = await CsvLines(await business.Http.GetAsync($"/api/me/payment-records?year={year}&format=csv"));

        Assert.That(lines[1], Does.StartWith("'@秋田県,\"'=HYPERLINK(\"\"http://x.example\"\")\",,デザイン料,,60000,"));
    }
}
