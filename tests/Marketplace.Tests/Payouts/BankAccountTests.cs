using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

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
        // Every field but the time, whose microseconds once read …45678… by chance (a full run's failure).
        shown.Remove("updatedAt");
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
