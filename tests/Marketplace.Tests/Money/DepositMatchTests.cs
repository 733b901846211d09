using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27: an administrator reads the bank's statement against the payments into escrow. A deposit whose payer name
/// carries a payment's reference and whose amount is that payment's is listed as matched, to be confirmed in one step;
/// every other deposit is listed with why not; nothing is confirmed by reading a statement.
/// </summary>
public sealed class DepositMatchTests : MoneyTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Money:AutoConfirmPayments"] = "false" };

    /// <summary>A business's pending payment of <paramref name="amount"/> (data entry: nothing withheld): its id and reference.</summary>
    private async Task<(string Id, string Reference)> Pending(User business, long amount)
    {
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: amount));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount)));
        var request = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}/payment-request"));
        return (Str(request["paymentId"]), Str(request["reference"]));
    }

    /// <summary>A 全銀 record: the fields padded as the format pads them (numbers right with 0, text left with spaces), 200 characters.</summary>
    private static string Record(params (string Value, int Width, bool Number)[] fields)
    {
        var record = string.Concat(fields.Select(f => f.Number ? f.Value.PadLeft(f.Width, '0') : f.Value.PadRight(f.Width)));
        Assert.That(record, Has.Length.EqualTo(200));
        return record;
    }

    /// <summary>入出金取引明細 (種別コード 03): one data record, deposit (1) or withdrawal (2), dated Reiwa 8 (2026).</summary>
    private static string Transaction(int number, string name, long amount, string inOrOut = "1") => Record(
        ("2", 1, true), (number.ToString(), 8, true), ("081201", 6, true), ("081201", 6, true), (inOrOut, 1, true), ("11", 2, true),
        (amount.ToString(), 12, true), ("0", 12, true), ("0", 6, true), ("0", 6, true), ("0", 1, true), ("0", 7, true), ("0", 3, true),
        ("0", 10, true), (name, 48, false), ("ｱｷﾀｷﾞﾝｺｳ", 15, false), ("ﾕｻﾞﾜ", 15, false), ("", 20, false), ("", 20, false), ("", 1, false));

    private static string Statement(params string[] data) => string.Join("\r\n", [
        Record(("1", 1, true), ("03", 2, true), ("0", 1, true), ("081201", 6, true), ("081201", 6, true), ("081201", 6, true), ("0117", 4, true),
            ("ｱｷﾀｷﾞﾝｺｳ", 15, false), ("201", 3, true), ("ﾕｻﾞﾜ", 15, false), ("000", 3, true), ("1", 1, true), ("1234567", 7, true),
            ("ﾕｻﾞﾜｼｼﾞﾄﾏｰｹｯﾄ", 40, false), ("0", 1, true), ("0", 14, true), ("0", 14, true), ("", 61, false)),
        .. data,
        Record(("8", 1, true), (data.Length.ToString(), 6, true), ("0", 13, true), ("0", 6, true), ("0", 13, true), ("", 161, false)),
        Record(("9", 1, true), ("", 199, false)),
    ]) + "\r\n";

    [Test]
    public async Task A_Zengin_statement_lists_each_deposit_as_matched_or_why_not_and_confirms_nothing()
    {
        var brewery = await SignUp(Role.Business, "湯沢酒造");
        var (first, firstRef) = await Pending(brewery, 50_000);
        var (second, secondRef) = await Pending(brewery, 50_000);
        var (wrongAmount, wrongAmountRef) = await Pending(brewery, 30_000);
        var (confirmed, confirmedRef) = await Pending(brewery, 20_000);
        var (noName, _) = await Pending(await SignUp(Role.Business), 12_345);
        var admin = await Administrator();
        await Expect(await admin.Http.PostAsync($"/api/payments/{confirmed}/confirm", null), HttpStatusCode.NoContent);

        var text = Statement(
            Transaction(1, $"{firstRef} ﾕｻﾞﾜｼﾕｿﾞｳ", 50_000),
            Transaction(2, $"{secondRef}ﾕｻﾞﾜｼﾕｿﾞｳ", 50_000),
            Transaction(3, $"{wrongAmountRef} ﾕｻﾞﾜｼﾕｿﾞｳ", 3_000),
            Transaction(4, $"{confirmedRef} ﾕｻﾞﾜｼﾕｿﾞｳ", 20_000),
            Transaction(5, "ｶ)ｲﾅﾆﾜｳﾄﾞﾝ", 12_345),
            Transaction(6, $"{firstRef} ﾕｻﾞﾜｼﾕｿﾞｳ", 50_000),
            Transaction(7, "ﾃｽｳﾘﾖｳ", 880, inOrOut: "2"));
        var answer = await Ok(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text, fileName = "nyushukkin.txt" }));
        Assert.That(Str(answer["format"]), Is.EqualTo("zenginTransactions"));
        Assert.That(answer["deposits"]!.GetValue<int>(), Is.EqualTo(6), "the withdrawal is no deposit");
        var matched = answer["matched"]!.AsArray();
        Assert.That(matched.Select(m => Str(m!["payment"]!["id"])), Is.EqualTo(new[] { first, second }), "two ¥50,000 transfers told apart");
        Assert.That(Str(matched[0]!["deposit"]!["payerName"]), Is.EqualTo($"{firstRef} ﾕｻﾞﾜｼﾕｿﾞｳ"));
        Assert.That(Str(matched[0]!["deposit"]!["date"]), Is.EqualTo("2026-12-01"), "令和8年12月1日");
        var reasons = answer["unmatched"]!.AsArray().Select(m => (m!["deposit"]!["line"]!.GetValue<int>(), Str(m["reason"]))).ToList();
        Assert.That(reasons, Is.EqualTo(new[] { (4, "amountDiffers"), (5, "notPending"), (6, "noReference"), (7, "repeated") }));
        var noReference = answer["unmatched"]!.AsArray().Single(m => Str(m!["reason"]) == "noReference")!;
        Assert.That(noReference["candidates"]!.AsArray().Select(c => Str(c!["id"])), Is.EqualTo(new[] { noName }),
            "the pending payment of the same amount, to look at");
        Assert.That(Scalar("SELECT COUNT(*) FROM payments WHERE status = 'confirmed'"), Is.EqualTo(1), "reading a statement confirms nothing");
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'matchDeposits' AND detail LIKE '%\"matched\":2%'"), Is.EqualTo(1));

        var done = await Ok(await admin.Http.PostAsJsonAsync("/api/payments/confirmations", new
        {
            payments = matched.Select(m => new { id = Str(m!["payment"]!["id"]), note = $"入金明細 {Str(m["deposit"]!["date"])}" }),
        }));
        Assert.That(done["count"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Balance($"business:{brewery.Id}"), Is.EqualTo(-(20_000 + 50_000 + 50_000)));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'confirmPayment'"), Is.EqualTo(3), "each confirmation in the trail");
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE id = '{first}' AND confirmation_note LIKE '入金明細 2026-12-01'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_statement_without_line_breaks_or_as_a_simple_CSV_reads_the_same()
    {
        var business = await SignUp(Role.Business);
        var (id, reference) = await Pending(business, 50_000);
        var admin = await Administrator();
        var unbroken = Statement(Transaction(1, $"{reference} ﾕｻﾞﾜ", 50_000)).Replace("\r\n", "");
        var fixedAnswer = await Ok(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text = unbroken }));
        Assert.That(fixedAnswer["matched"]!.AsArray().Select(m => Str(m!["payment"]!["id"])), Is.EqualTo(new[] { id }));
        // An old bank file's end-of-file mark is read past; any other control character is refused, as in every text.
        var marked = await Ok(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text = Statement(Transaction(1, $"{reference} ﾕｻﾞﾜ", 50_000)) + "\u001A" }));
        Assert.That(marked["matched"]!.AsArray(), Has.Count.EqualTo(1));
        var nul = await Problem(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text = $"2026-12-01,{reference}\u0000 ﾕｻﾞﾜ,50000\n" }),
            HttpStatusCode.BadRequest);
        Assert.That(Str(nul["errorCodes"]!["text"]![0]!["code"]), Is.EqualTo("controlCharacter"));

        var wide = string.Concat(reference.Select(c => (char)(c - '0' + '０')));
        var csv = $"\uFEFF日付,摘要,お引出し,お預入れ\r\n2026/12/01,振込 {wide} ユザワシュゾウ,,\"50,000\"\r\n2026/12/01,振込手数料,440,\r\n";
        var csvAnswer = await Ok(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text = csv }));
        Assert.That(Str(csvAnswer["format"]), Is.EqualTo("csv"));
        Assert.That(csvAnswer["deposits"]!.GetValue<int>(), Is.EqualTo(1), "the fee taken is no deposit");
        Assert.That(csvAnswer["matched"]!.AsArray().Select(m => Str(m!["payment"]!["id"])), Is.EqualTo(new[] { id }), "full-width digits read too");

        var plain = $"2026-12-01,{reference} ﾕｻﾞﾜ,50000\n";
        Assert.That((await Ok(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text = plain })))["matched"]!.AsArray(), Has.Count.EqualTo(1),
            "three columns without a header: date, name, amount");
    }

    [Test]
    public async Task Confirming_matches_is_all_or_nothing_and_for_administrators_only()
    {
        var business = await SignUp(Role.Business);
        var (a, _) = await Pending(business, 10_000);
        var (b, _) = await Pending(business, 20_000);
        var admin = await Administrator();
        await Expect(await admin.Http.PostAsync($"/api/payments/{b}/confirm", null), HttpStatusCode.NoContent);
        var refused = await Problem(await admin.Http.PostAsJsonAsync("/api/payments/confirmations", new { payments = new[] { new { id = a }, new { id = b } } }),
            HttpStatusCode.Conflict);
        Assert.That(Str(refused["code"]), Is.EqualTo("paymentNotPending"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE id = '{a}' AND status = 'pending'"), Is.EqualTo(1), "nothing confirmed");

        await Problem(await business.Http.PostAsJsonAsync("/api/payments/confirmations", new { payments = new[] { new { id = a } } }), HttpStatusCode.Forbidden);
        await Problem(await business.Http.PostAsJsonAsync("/api/payments/matches", new { text = "日付,摘要,入金額\r\n" }), HttpStatusCode.Forbidden);
        var repeated = await Problem(await admin.Http.PostAsJsonAsync("/api/payments/confirmations", new { payments = new[] { new { id = a }, new { id = a } } }),
            HttpStatusCode.BadRequest);
        Assert.That(repeated["errors"]!["payments"], Is.Not.Null);
        var garbage = await Problem(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text = "hello\r\nworld" }), HttpStatusCode.BadRequest);
        Assert.That(Str(garbage["errorCodes"]!["text"]![0]!["code"]), Is.EqualTo("notAStatement"));
    }
}
