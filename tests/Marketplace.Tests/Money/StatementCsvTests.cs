using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27: a statement's CSV adds up. Its entry lines sum to its net; the other totals say where the money went and
/// add up too (a worker's gross less fees and tax is what it earned, and that less what went to the bank its net; a
/// business's payments in less what came back is its net); the work a business paid for counts what was released (a
/// dispute's decision pays a share, its rest is a refund), and the tax it remits is one figure with its due date.
/// </summary>
public sealed class StatementCsvTests : PayoutTest
{
    /// <summary>The CSV's rows: (entry or total, the words, the yen).</summary>
    private static async Task<List<(bool Total, string Words, long Yen)>> Csv(User user, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/statement");
        request.Headers.Accept.ParseAdd("text/csv");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var bytes = await (await user.Http.SendAsync(request)).Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
        return lines.Select(l => l.Split(',')).Select(f => (f[0] is "合計" or "total", f[1], long.Parse(f[^1], CultureInfo.InvariantCulture))).ToList();
    }

    private static long Line(List<(bool Total, string Words, long Yen)> csv, string words) => csv.Single(r => r.Total && r.Words == words).Yen;

    [Test]
    public async Task Every_CSV_sums_its_lines_to_its_totals_in_both_languages()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account()));
        async Task<(string Contract, string Job)> Awarded(long amount)
        {
            var job = await PostJob(business, NewJob(category: "design", budgetMin: 1, budgetMax: amount));
            return (Id(await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount)))), Id(job));
        }
        // One accepted, one decided by an administrator at ¥70,000 of ¥100,000, one withdrawn before delivery.
        await Deliver(business, worker, (await Awarded(50_000)).Contract);
        var (disputed, _) = await Awarded(100_000);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{disputed}/submissions", new { message = "納品" }));
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{disputed}/cancellation", new { reason = "品質", workerShare = 0 }));
        var disputeId = Str((await Ok(await worker.Http.PostAsync($"/api/contracts/{disputed}/cancellation/decline", null)))["disputeId"]);
        await Created(await worker.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "仕様どおりです" }));
        await Created(await business.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "品質が足りません" }));
        var admin = await Administrator();
        await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 70_000, reason = "7割" }));
        var (_, withdrawnJob) = await Awarded(30_000);
        await Ok(await business.Http.PostAsync($"/api/jobs/{withdrawnJob}/cancel", null));
        await Batch(admin);

        var statement = (await Ok(await business.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(statement["gross"]!.GetValue<long>(), Is.EqualTo(50_000 + 70_000), "the decided share, not the contract's amount");
        Assert.That(statement["withholdingTax"]!.GetValue<long>(), Is.EqualTo(5_105 + 7_147));
        Assert.That(statement["remittances"]!.AsArray(), Has.Count.EqualTo(1), "one figure with its due date");

        foreach (var language in new[] { "ja", "en" })
        {
            var en = language == "en";
            var b = await Csv(business, language);
            var entries = b.Where(r => !r.Total).Sum(r => r.Yen);
            Assert.That(Line(b, en ? "Net of the entries" : "入出金の合計"), Is.EqualTo(entries), $"{language}: the business's entries sum to its net");
            Assert.That(Line(b, en ? "Paid into escrow" : "エスクローに支払った額") + Line(b, en ? "Refunded or returned to you" : "返金・返還された額"),
                Is.EqualTo(entries), $"{language}: payments in less what came back");
            Assert.That(Line(b, en ? "Fees paid for work (acceptances and shares)" : "検収・精算で支払った報酬"), Is.EqualTo(120_000));
            var remit = b.Single(r => r.Total && r.Words.Contains(en ? "Withholding tax you remit by" : "までにあなたが納付"));
            Assert.That(remit.Yen, Is.EqualTo(12_252), $"{language}: the tax to remit is one line naming its day");
            Assert.That(-entries + remit.Yen, Is.EqualTo(120_000), $"{language}: what the business parted with is what it paid for");

            var w = await Csv(worker, language);
            var gross = Line(w, en ? "Fees earned" : "報酬の総額");
            var earned = Line(w, en ? "Earned (net)" : "確定した報酬（手取り）");
            Assert.That(gross + Line(w, en ? "Platform fees" : "サービス手数料") + Line(w, en ? "Income tax withheld" : "源泉徴収された所得税"),
                Is.EqualTo(earned), $"{language}: gross less fees and tax is what the worker earned");
            Assert.That(earned + Line(w, en ? "Gathered for transfer to your bank" : "振込に回した額"), Is.EqualTo(Line(w, en ? "Change in your balance" : "残高の増減")));
            Assert.That(w.Where(r => !r.Total).Sum(r => r.Yen), Is.EqualTo(Line(w, en ? "Change in your balance" : "残高の増減")),
                $"{language}: the worker's entries sum to its net");
        }
    }
}
