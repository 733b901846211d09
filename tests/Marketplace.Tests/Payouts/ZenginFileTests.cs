using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

public sealed class ZenginFileTests : PayoutTest
{
    [Test]
    public async Task The_batch_downloads_as_120_byte_Shift_JIS_records_with_every_field_in_its_place()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var transferOn = BankCalendar.NextBusinessDayAfter(NextBankDay());
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
