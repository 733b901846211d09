using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

public abstract class PayoutTest : MoneyTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(Sender);

    /// <summary>The operator's own bank details a Zengin file needs (here and in the administrator's browser test).</summary>
    internal static IReadOnlyDictionary<string, string?> Sender { get; } = new Dictionary<string, string?>
    {
        ["Payouts:Sender:CompanyCode"] = "1234567890",
        ["Payouts:Sender:Name"] = "ユザワシゴトマーケット",
        ["Payouts:Sender:BankCode"] = "0117",
        ["Payouts:Sender:BankName"] = "アキタギンコウ",
        ["Payouts:Sender:BranchCode"] = "201",
        ["Payouts:Sender:BranchName"] = "ユザワ",
        ["Payouts:Sender:AccountType"] = "Current",
        ["Payouts:Sender:AccountNumber"] = "7654321",
    };

    protected static object Account(string holderName = "サトウ ミサキ", string accountNumber = "1234567", string bankCode = "0117",
        string branchCode = "123", string accountType = "ordinary") =>
        new { bankCode, branchCode, accountType, accountNumber, holderName };

    /// <summary>A worker with a bank account and one accepted contract per amount; its balance is the nets.</summary>
    protected async Task<User> PaidWorker(params long[] amounts)
    {
        var worker = await SignUp(Role.Worker);
        foreach (var amount in amounts) await Accepted(worker, amount);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account()));
        return worker;
    }

    /// <summary>A new business's data-entry job (no withholding) awarded to the worker and accepted: 90% of it credited.</summary>
    protected async Task Accepted(User worker, long amount)
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: amount));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount)));
        await Deliver(business, worker, Id(contract));
    }

    protected async Task<JsonObject> Batch(User admin, DateTimeOffset? cutoff = null) =>
        await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches",
            new { cutoff = cutoff ?? DateTimeOffset.UtcNow, transferOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)) }));
}

public sealed class BankAccountTests : PayoutTest
{
    [TestCase("サトウ ミサキ", "ｻﾄｳ ﾐｻｷ", TestName = "A katakana holder name becomes the half-width kana the bank holds")]
    [TestCase("やまだ　はなこ", "ﾔﾏﾀﾞ ﾊﾅｺ", TestName = "Hiragana and a full-width space become half-width kana and one space")]
    [TestCase("キュウヨ イッペイ", "ｷﾕｳﾖ ｲﾂﾍﾟｲ", TestName = "Small kana become large ones, as banks register them")]
    [TestCase("ﾔﾏﾀﾞ ﾀﾛｳ", "ﾔﾏﾀﾞ ﾀﾛｳ", TestName = "Half-width kana with voiced marks stay as they are")]
    [TestCase("ｶ)ｽｽﾞｷｼﾖｳﾃﾝ", "ｶ)ｽｽﾞｷｼﾖｳﾃﾝ", TestName = "A company abbreviation keeps its parenthesis")]
    [TestCase("Ｓｍｉｔｈ　Ｊｏｈｎ", "SMITH JOHN", TestName = "Full-width Latin letters become upper-case ASCII")]
    [TestCase("ヴィーナス", "ｳﾞｲ-ﾅｽ", TestName = "ヴ becomes ｳﾞ and the long vowel mark a hyphen")]
    public async Task The_holder_name_is_stored_as_the_Zengin_file_writes_it(string typed, string stored)
    {
        var worker = await SignUp(Role.Worker);
        var saved = await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account(holderName: typed)));
        Assert.That(Str(saved["holderName"]), Is.EqualTo(stored));
        Assert.That(Str((await Ok(await worker.Http.GetAsync("/api/me/bank-account")))["holderName"]), Is.EqualTo(stored));
    }

    [TestCase("佐藤 美咲", "佐", TestName = "A kanji name is refused with the character named")]
    [TestCase("サトウ・ミサキ", "・", TestName = "A middle dot is refused: Zengin has none")]
    [TestCase("Sato, Misaki", ",", TestName = "A comma is refused")]
    public async Task A_name_the_bank_cannot_carry_is_refused_naming_the_character(string typed, string refused)
    {
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account(holderName: typed)), HttpStatusCode.BadRequest);
        var error = problem["errorCodes"]!["holderName"]![0]!;
        Assert.That(Str(error["code"]), Is.EqualTo("notZenginText"));
        Assert.That(Str(error["message"]), Does.Contain($"「{refused}」"));
        Assert.That(Str(error["character"]), Is.EqualTo(refused), "the client words the refusal in its own language with the character");
        Assert.That(Scalar("SELECT COUNT(*) FROM bank_accounts"), Is.Zero);
    }

    [Test]
    public async Task A_holder_name_longer_than_the_transfer_record_holds_is_refused()
    {
        var worker = await SignUp(Role.Worker);
        // 16 voiced kana are 32 half-width characters: ｶﾞ is two.
        var problem = await Problem(await worker.Http.PutAsJsonAsync("/api/me/bank-account",
            Account(holderName: "ガギグゲゴガギグゲゴガギグゲゴガ")), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["holderName"]![0]!["code"]), Is.EqualTo("maxLength"));
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account(holderName: "ガギグゲゴガギグゲゴガギグゲゴ")));
    }

    [Test]
    public async Task The_account_number_is_zero_padded_and_shown_masked_but_for_its_last_three_digits()
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account(accountNumber: "45678")));
        var shown = await Ok(await worker.Http.GetAsync("/api/me/bank-account"));
        Assert.That(Str(shown["accountNumberMasked"]), Is.EqualTo("****678"));
        Assert.That(shown.ToJsonString(), Does.Not.Contain("45678"), "the full number never leaves the server for the worker");
        Assert.That(Scalar("SELECT account_number FROM bank_accounts"), Is.EqualTo(45678), "stored as 0045678");
    }

    [TestCase("117", "123", "1234567", "bankCode", TestName = "A 3-digit bank code is refused")]
    [TestCase("0117", "12", "1234567", "branchCode", TestName = "A 2-digit branch code is refused")]
    [TestCase("0117", "123", "12345678", "accountNumber", TestName = "An 8-digit account number is refused")]
    [TestCase("0117", "123", "12-4567", "accountNumber", TestName = "An account number with a dash is refused")]
    public async Task Codes_and_numbers_must_have_their_Zengin_widths(string bank, string branch, string number, string field)
    {
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await worker.Http.PutAsJsonAsync("/api/me/bank-account",
            Account(bankCode: bank, branchCode: branch, accountNumber: number)), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Only_a_worker_keeps_a_bank_account_and_each_sees_only_its_own()
    {
        var business = await SignUp(Role.Business);
        await Problem(await business.Http.PutAsJsonAsync("/api/me/bank-account", Account()), HttpStatusCode.Forbidden);
        await Problem(await business.Http.GetAsync("/api/me/bank-account"), HttpStatusCode.Forbidden);
        await Problem(await business.Http.GetAsync("/api/me/payouts"), HttpStatusCode.Forbidden);
        var owner = await SignUp(Role.Worker);
        await Ok(await owner.Http.PutAsJsonAsync("/api/me/bank-account", Account()));
        var stranger = await SignUp(Role.Worker);
        await Problem(await stranger.Http.GetAsync("/api/me/bank-account"), HttpStatusCode.NotFound);
    }
}

public sealed class PayoutBatchTests : PayoutTest
{
    [Test]
    public async Task A_worker_with_two_accepted_contracts_is_paid_their_sum_in_one_batch()
    {
        var worker = await PaidWorker(30_000, 20_000);
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(27_000 + 18_000));
        var mine = await Ok(await worker.Http.GetAsync("/api/me/payouts"));
        Assert.That(mine["availableBalance"]!.GetValue<long>(), Is.EqualTo(45_000));

        var admin = await Administrator();
        var batch = await Batch(admin);
        var payout = batch["payouts"]!.AsArray().Single()!;
        Assert.That(Str(payout["workerId"]), Is.EqualTo(worker.Id));
        Assert.That(payout["amount"]!.GetValue<long>(), Is.EqualTo(45_000));
        Assert.That(payout["net"]!.GetValue<long>(), Is.EqualTo(45_000), "the platform bears the fee by default");
        Assert.That(batch["totalNet"]!.GetValue<long>(), Is.EqualTo(45_000));
        Assert.That(Balance($"worker:{worker.Id}"), Is.Zero, "gathered: the balance is on its way");
        Assert.That(Balance("payouts:in-transit"), Is.EqualTo(45_000));

        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }));
        Assert.That(Balance("payouts:in-transit"), Is.Zero);
        Assert.That(Balance("bank:operator"), Is.EqualTo(45_000));
        var paid = (await Ok(await worker.Http.GetAsync("/api/me/payouts")))["payouts"]!["items"]!.AsArray().Single()!;
        Assert.That(Str(paid["status"]), Is.EqualTo("paid"));
        Assert.That(paid["net"]!.GetValue<long>(), Is.EqualTo(45_000));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'payoutPaid'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action IN ('createPayoutBatch', 'markPayoutBatchPaid')"), Is.EqualTo(2));
    }

    [Test]
    public async Task Balances_below_the_minimum_and_workers_without_an_account_wait()
    {
        var small = await PaidWorker(1_000); // ¥900 net, under the ¥1,000 minimum
        var (business, noAccount, contract) = await Contract(50_000, "dataEntry");
        await Deliver(business, noAccount, Id(contract));
        var enough = await PaidWorker(2_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        Assert.That(batch["payouts"]!.AsArray().Select(p => Str(p!["workerId"])), Is.EqualTo(new[] { enough.Id }));
        Assert.That(Balance($"worker:{small.Id}"), Is.EqualTo(900));
        Assert.That(Balance($"worker:{noAccount.Id}"), Is.EqualTo(45_000));
    }

    [Test]
    public async Task Money_released_after_the_cutoff_waits_for_the_next_batch()
    {
        var worker = await PaidWorker(10_000);
        var cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await Accepted(worker, 20_000);
        var admin = await Administrator();
        var first = await Batch(admin, cutoff);
        Assert.That(first["totalNet"]!.GetValue<long>(), Is.EqualTo(9_000));
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(first)}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }));
        // A later batch with the same, earlier cutoff pays nothing again; with a later one it pays the rest once.
        await Problem(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff }), HttpStatusCode.Conflict);
        var second = await Batch(admin);
        Assert.That(second["totalNet"]!.GetValue<long>(), Is.EqualTo(18_000));
    }

    [Test]
    public async Task Two_administrators_gathering_at_once_pay_a_worker_once()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var body = new { cutoff = DateTimeOffset.UtcNow };
        var answers = await Task.WhenAll(admin.Http.PostAsJsonAsync("/api/admin/payout-batches", body),
            admin.Http.PostAsJsonAsync("/api/admin/payout-batches", body));
        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.That(Scalar($"SELECT COUNT(*) FROM payouts WHERE worker_id = '{worker.Id}'"), Is.EqualTo(1));
        Assert.That(Balance($"worker:{worker.Id}"), Is.Zero);
        Assert.That(Balance("payouts:in-transit"), Is.EqualTo(27_000));
    }

    [Test]
    public async Task A_returned_transfer_goes_back_to_the_balance_and_holds_the_account_until_it_is_corrected()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        var returnedBody = new { workerId = worker.Id, reason = "口座番号相違" };
        await Problem(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/returned", returnedBody), HttpStatusCode.Conflict);
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }));
        var after = await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/returned", returnedBody));
        Assert.That(Str(after["payouts"]![0]!["status"]), Is.EqualTo("returned"));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(27_000));
        Assert.That(Balance("bank:operator"), Is.Zero);
        await Problem(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/returned", returnedBody), HttpStatusCode.Conflict);

        var mine = await Ok(await worker.Http.GetAsync("/api/me/payouts"));
        Assert.That(Str(mine["bankAccountHeldReason"]), Is.EqualTo("口座番号相違"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'payoutReturned'"), Is.EqualTo(1));
        await Problem(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = DateTimeOffset.UtcNow }), HttpStatusCode.Conflict);

        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account(accountNumber: "7777777")));
        var next = await Batch(admin);
        Assert.That(next["payouts"]![0]!["net"]!.GetValue<long>(), Is.EqualTo(27_000));
        Assert.That(Str(next["payouts"]![0]!["accountNumber"]), Is.EqualTo("7777777"));
    }

    [Test]
    public async Task A_batch_keeps_the_account_it_was_gathered_with()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account(accountNumber: "7777777", holderName: "ベツ メイギ")));
        var again = await Ok(await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}"));
        Assert.That(Str(again["payouts"]![0]!["accountNumber"]), Is.EqualTo("1234567"));
        var file = Encoding.Latin1.GetString(await (await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}/zengin")).Content.ReadAsByteArrayAsync());
        Assert.That(file, Does.Contain("1234567").And.Not.Contain("7777777"));
    }

    [Test]
    public async Task Only_an_administrator_gathers_sees_pays_or_returns_batches()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        foreach (var intruder in new[] { worker, await SignUp(Role.Business), await SignUp(Role.Producer) })
        {
            await Problem(await intruder.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = DateTimeOffset.UtcNow }), HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.GetAsync("/api/admin/payout-batches"), HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}"), HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}/zengin"), HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }),
                HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/returned", new { workerId = worker.Id, reason = "x" }),
                HttpStatusCode.Forbidden);
        }
        Assert.That(Scalar("SELECT status = 'gathered' FROM payout_batches"), Is.EqualTo(1));
        await Problem(await admin.Http.GetAsync("/api/admin/payout-batches/nope"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_batch_is_marked_paid_once()
    {
        await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        var paidOn = new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) };
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", paidOn));
        await Problem(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", paidOn), HttpStatusCode.Conflict);
        Assert.That(Balance("bank:operator"), Is.EqualTo(27_000));
    }

    [Test]
    public async Task A_cutoff_in_the_future_is_refused()
    {
        var admin = await Administrator();
        var problem = await Problem(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = DateTimeOffset.UtcNow.AddDays(1) }),
            HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["cutoff"]![0]!["code"]), Is.EqualTo("cutoffInFuture"));
    }
}

public sealed class ZenginFileTests : PayoutTest
{
    [Test]
    public async Task The_batch_downloads_as_120_byte_Shift_JIS_records_with_every_field_in_its_place()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var transferOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var batch = await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = DateTimeOffset.UtcNow, transferOn }));
        var response = await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}/zengin");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.That(bytes, Has.Length.EqualTo(4 * 122), "header, one data record, trailer and end, each 120 bytes and CR LF");
        var records = Enumerable.Range(0, 4).Select(i => bytes.AsSpan(i * 122, 122).ToArray()).ToArray();
        Assert.That(records.Select(r => (r[120], r[121])), Is.All.EqualTo(((byte)'\r', (byte)'\n')));
        // Half-width kana are single bytes of JIS X 0201 in Shift_JIS: ﾕ is 0xD5 at the header's name field.
        Assert.That(records[0][14], Is.EqualTo(0xD5));
        var text = records.Select(r => ZenginFile.ShiftJis.GetString(r, 0, 120)).ToArray();
        Assert.That(text.Select(t => t.Length), Is.All.EqualTo(120));

        var header = text[0];
        Assert.Multiple(() =>
        {
            Assert.That(header[0..1], Is.EqualTo("1"), "データ区分: header");
            Assert.That(header[1..3], Is.EqualTo("21"), "種別コード: 総合振込");
            Assert.That(header[3..4], Is.EqualTo("0"), "コード区分: JIS");
            Assert.That(header[4..14], Is.EqualTo("1234567890"), "振込依頼人コード");
            Assert.That(header[14..54], Is.EqualTo("ﾕｻﾞﾜｼｺﾞﾄﾏ-ｹﾂﾄ".PadRight(40)), "振込依頼人名");
            Assert.That(header[54..58], Is.EqualTo(transferOn.ToString("MMdd")), "振込指定日");
            Assert.That(header[58..62], Is.EqualTo("0117"), "仕向銀行番号");
            Assert.That(header[62..77], Is.EqualTo("ｱｷﾀｷﾞﾝｺｳ".PadRight(15)), "仕向銀行名");
            Assert.That(header[77..80], Is.EqualTo("201"), "仕向支店番号");
            Assert.That(header[80..95], Is.EqualTo("ﾕｻﾞﾜ".PadRight(15)), "仕向支店名");
            Assert.That(header[95..96], Is.EqualTo("2"), "預金種目: 当座");
            Assert.That(header[96..103], Is.EqualTo("7654321"), "口座番号");
            Assert.That(header[103..120], Is.EqualTo(new string(' ', 17)), "ダミー");
        });
        var data = text[1];
        Assert.Multiple(() =>
        {
            Assert.That(data[0..1], Is.EqualTo("2"), "データ区分: data");
            Assert.That(data[1..5], Is.EqualTo("0117"), "被仕向銀行番号");
            Assert.That(data[5..20], Is.EqualTo(new string(' ', 15)), "被仕向銀行名");
            Assert.That(data[20..23], Is.EqualTo("123"), "被仕向支店番号");
            Assert.That(data[23..38], Is.EqualTo(new string(' ', 15)), "被仕向支店名");
            Assert.That(data[38..42], Is.EqualTo("0000"), "手形交換所番号");
            Assert.That(data[42..43], Is.EqualTo("1"), "預金種目: 普通");
            Assert.That(data[43..50], Is.EqualTo("1234567"), "口座番号");
            Assert.That(data[50..80], Is.EqualTo("ｻﾄｳ ﾐｻｷ".PadRight(30)), "受取人名");
            Assert.That(data[80..90], Is.EqualTo("0000027000"), "振込金額");
            Assert.That(data[90..91], Is.EqualTo("0"), "新規コード");
            Assert.That(data[91..101], Is.EqualTo("0000000001"), "顧客コード1");
            Assert.That(data[101..111], Is.EqualTo("0000000000"), "顧客コード2");
            Assert.That(data[111..112], Is.EqualTo("7"), "振込指定区分: 電信");
            Assert.That(data[112..120], Is.EqualTo(new string(' ', 8)), "識別表示 and ダミー");
        });
        Assert.That(text[2], Is.EqualTo("8" + "000001" + "000000027000" + new string(' ', 101)), "trailer: count and total");
        Assert.That(text[3], Is.EqualTo("9" + new string(' ', 119)), "end");
        Assert.That(worker.Id, Is.Not.Empty);
    }

    [Test]
    public async Task The_trailer_counts_and_sums_every_transfer()
    {
        await PaidWorker(30_000);
        await PaidWorker(12_345);
        var admin = await Administrator();
        var batch = await Batch(admin);
        var bytes = await (await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}/zengin")).Content.ReadAsByteArrayAsync();
        var trailer = Encoding.ASCII.GetString(bytes, 3 * 122, 19);
        Assert.That(trailer, Is.EqualTo("8" + "000002" + (27_000 + 11_111).ToString("D12")));
    }
}

public sealed class SenderNotSetUpTests : PayoutTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Payouts:Sender:CompanyCode"] = null };

    [Test]
    public async Task Without_the_operators_bank_details_the_file_is_refused_with_what_is_missing()
    {
        await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        var problem = await Problem(await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}/zengin"), HttpStatusCode.Conflict);
        Assert.That(Str(problem["detail"]), Does.Contain("Payouts:Sender:CompanyCode"));
    }
}

public sealed class WorkerBearsTheFeeTests : PayoutTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["Payouts:TransferFeeYen"] = "165",
        ["Payouts:FeeBorneBy"] = "Worker",
    };

    [Test]
    public async Task The_fee_is_deducted_from_the_transfer_and_posted_to_the_bank()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var payout = (await Batch(admin))["payouts"]![0]!;
        Assert.That(payout["amount"]!.GetValue<long>(), Is.EqualTo(27_000));
        Assert.That(payout["transferFee"]!.GetValue<long>(), Is.EqualTo(165));
        Assert.That(payout["net"]!.GetValue<long>(), Is.EqualTo(26_835));
        Assert.That(Balance("bank:fees"), Is.EqualTo(165));
        Assert.That(Balance($"worker:{worker.Id}"), Is.Zero);
        Assert.That(Balance("payouts:in-transit"), Is.EqualTo(26_835));
    }
}

public sealed class PlatformBearsTheFeeTests : PayoutTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Payouts:TransferFeeYen"] = "165" };

    [Test]
    public async Task The_worker_receives_the_whole_balance_and_the_platform_pays_the_fee()
    {
        await PaidWorker(30_000);
        var platformBefore = Balance("platform");
        var admin = await Administrator();
        var payout = (await Batch(admin))["payouts"]![0]!;
        Assert.That(payout["net"]!.GetValue<long>(), Is.EqualTo(27_000));
        Assert.That(Balance("platform"), Is.EqualTo(platformBefore - 165));
        Assert.That(Balance("bank:fees"), Is.EqualTo(165));
    }
}

public sealed class PayoutSettingsTests
{
    [TestCase("1000", "1000", "Worker", "more than Payouts:TransferFeeYen", TestName = "Start-up refuses a minimum the worker's fee would eat")]
    [TestCase("0", "0", "Platform", "at least 1 yen", TestName = "Start-up refuses a minimum of nothing")]
    [TestCase("1000", "-1", "Platform", "cannot be negative", TestName = "Start-up refuses a negative fee")]
    public void Start_up_refuses_wrong_payout_settings(string minimum, string fee, string bearer, string message)
    {
        using var app = new MarketplaceApp(TemplateDatabase.NewCopy(), new Dictionary<string, string?>
        {
            ["Payouts:MinimumYen"] = minimum, ["Payouts:TransferFeeYen"] = fee, ["Payouts:FeeBorneBy"] = bearer,
        });
        var refused = Assert.Throws<OptionsValidationException>(() => _ = app.Server);
        Assert.That(refused!.Message, Does.Contain(message));
    }
}
