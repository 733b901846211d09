using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// The bank and branch list (api/Banks, from the zengin-code data): a bank and a branch are chosen by name, in kanji,
/// kana of either kind or width, or by code, instead of typing codes.
/// </summary>
public sealed class BankListTests : ApiTest
{
    private static async Task<(string Code, string Name)[]> Get(User user, string url) =>
        (await user.Http.GetFromJsonAsync<JsonArray>(url))!.Select(b => (Str(b!["code"]), Str(b["name"]))).ToArray();

    [TestCase("秋田")]
    [TestCase("秋田銀行")]
    [TestCase("あきた")]
    [TestCase("アキタ")]
    [TestCase("ｱｷﾀ")]
    [TestCase("0119")]
    public async Task A_bank_is_found_by_its_name_in_kanji_or_kana_or_by_its_code(string q)
    {
        var worker = await SignUp(Role.Worker);
        var found = await Get(worker, $"/api/banks?q={Uri.EscapeDataString(q)}");
        Assert.That(found, Does.Contain(("0119", "秋田銀行")));
        Assert.That(found[0], Is.EqualTo(("0119", "秋田銀行")), "the name that begins with the words, shortest first");
        Assert.That(found, Has.Length.LessThanOrEqualTo(20));
    }

    /// <summary>Names as passbooks print them, not the list's short forms (a trial: "is 秋田 my 秋田銀行?").</summary>
    [TestCase("0119", "秋田銀行")]
    [TestCase("0033", "PayPay銀行")]
    [TestCase("0289", "みずほ信託銀行")]
    [TestCase("0200", "ワイズ・ペイメンツ・ジャパン")]
    [TestCase("0401", "シティバンク、エヌ・エイ")]
    [TestCase("0501", "北洋銀行")]
    [TestCase("1394", "飯田信用金庫")]
    [TestCase("3008", "茨城県信用農業協同組合連合会")]
    [TestCase("9010", "熊本宇城農業協同組合")]
    [TestCase("9450", "北海道信用漁業協同組合連合会")]
    [TestCase("9900", "ゆうちょ銀行")]
    public async Task A_bank_is_named_as_its_passbook_names_it_and_found_by_the_short_form_too(string code, string name)
    {
        var worker = await SignUp(Role.Worker);
        Assert.That(await Get(worker, $"/api/banks?q={code}"), Does.Contain((code, name)));
    }

    [Test]
    public async Task A_credit_union_is_found_by_the_lists_short_form_and_by_its_full_name()
    {
        var worker = await SignUp(Role.Worker);
        Assert.That(await Get(worker, $"/api/banks?q={Uri.EscapeDataString("飯田信金")}"), Does.Contain(("1394", "飯田信用金庫")));
        Assert.That(await Get(worker, $"/api/banks?q={Uri.EscapeDataString("飯田信用金庫")}"), Does.Contain(("1394", "飯田信用金庫")));
    }

    [Test]
    public async Task A_branch_is_found_by_its_name_and_small_kana_are_read_as_the_list_writes_them()
    {
        var worker = await SignUp(Role.Worker);
        Assert.That(await Get(worker, $"/api/banks/0119/branches?q={Uri.EscapeDataString("湯沢")}"), Does.Contain(("361", "湯沢")));
        Assert.That(await Get(worker, $"/api/banks/0119/branches?q={Uri.EscapeDataString("ゆざわ")}"), Does.Contain(("361", "湯沢")));
        Assert.That(await Get(worker, "/api/banks/0119/branches?q=361"), Is.EqualTo(new[] { ("361", "湯沢") }));
        // The list writes small kana large (丸の内中央 is マルノウチチユウオウ): what people type finds it.
        Assert.That(await Get(worker, $"/api/banks/0001/branches?q={Uri.EscapeDataString("ちゅうおう")}"), Does.Contain(("004", "丸の内中央")));
        Assert.That(await Get(worker, $"/api/banks?q={Uri.EscapeDataString("ゆうちょ銀行")}"), Does.Contain(("9900", "ゆうちょ銀行")));
        Assert.That(await Get(worker, $"/api/banks?q={Uri.EscapeDataString("存在しない銀行名")}"), Is.Empty);
    }

    [Test]
    public async Task An_unknown_bank_is_404_bad_input_is_400_and_visitors_are_not_served()
    {
        var worker = await SignUp(Role.Worker);
        await Problem(await worker.Http.GetAsync("/api/banks/9999/branches"), HttpStatusCode.NotFound);
        await Problem(await worker.Http.GetAsync("/api/banks/12/branches"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync($"/api/banks?q={new string('a', 51)}"), HttpStatusCode.BadRequest);
        Assert.That((await Browser().GetAsync("/api/banks?q=秋田")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
