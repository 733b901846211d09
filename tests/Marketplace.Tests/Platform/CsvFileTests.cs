using System.Text;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: every CSV the product serves is written by one writer (Platform/CsvFile.cs), which neutralises each text cell
/// a spreadsheet would run as a formula (OWASP's list: =, +, -, @, tab, carriage return) and leaves numbers numbers.
/// </summary>
public sealed class CsvFileTests
{
    [TestCase("=1+1", "'=1+1")]
    [TestCase("+1+1", "'+1+1")]
    [TestCase("-1+1+cmd|' /C calc'!A0", "'-1+1+cmd|' /C calc'!A0")]
    [TestCase("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [TestCase("\t=1+1", "'\t=1+1")]
    [TestCase("\r=1+1", "\"'\r=1+1\"")]
    [TestCase("ラベル=デザイン", "ラベル=デザイン")]
    [TestCase("a,\"b\"", "\"a,\"\"b\"\"\"")]
    public void A_text_cell_a_spreadsheet_would_run_starts_with_an_apostrophe(string text, string written) =>
        Assert.That(new CsvFile().Row(text).ToString(), Is.EqualTo(written + "\r\n"));

    [Test]
    public void Numbers_stay_numbers_and_a_row_ends_with_CRLF() =>
        Assert.That(new CsvFile().Row("合計", -50_000L, 0L, null).Row(1L).ToString(), Is.EqualTo("合計,-50000,0,\r\n1\r\n"));

    [Test]
    public void The_file_is_UTF8_with_a_byte_order_mark() =>
        Assert.That(new CsvFile().Row("仕事").ToBytes(), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("仕事\r\n"))));

    [Test]
    public void Every_CSV_the_API_serves_is_written_by_the_one_writer()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Marketplace.sln"))) root = root.Parent!;
        var serving = Directory.GetFiles(Path.Combine(root.FullName, "api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("\"text/csv", StringComparison.Ordinal)).ToList();
        Assert.That(serving.Select(Path.GetFileName), Is.SupersetOf(new[] { "GetStatement.cs", "GetPaymentRecords.cs" }));
        foreach (var file in serving)
            Assert.That(File.ReadAllText(file), Does.Contain("new CsvFile()"), $"{Path.GetFileName(file)} serves CSV without CsvFile");
    }
}
