using System.Text.RegularExpressions;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Every 409 the API answers carries a stable code a client can word: a <see cref="ConflictException"/> takes a
/// <see cref="ConflictCode"/> (the compiler refuses any other), and each code is listed in docs/api.md and worded in both
/// of the web client's languages.
/// </summary>
public sealed class ConflictCodeTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) dir = dir.Parent!;
        return dir.FullName;
    }

    /// <summary>The codes as the API writes them on the wire.</summary>
    private static string[] Codes() => Enum.GetValues<ConflictCode>().Select(c => WireName.Of(c)).ToArray();

    [Test]
    public void A_conflict_names_its_code_in_camelCase_on_the_wire()
    {
        Assert.That(WireName.Of(ConflictCode.BidExists), Is.EqualTo("bidExists"));
        Assert.That(Codes(), Has.All.Matches("^[a-z][A-Za-z]+$"));
        Assert.That(Codes(), Is.Unique);
    }

    [Test]
    public void Every_conflict_code_is_listed_in_the_api_docs_and_worded_in_both_languages()
    {
        var docs = File.ReadAllText(Path.Combine(Root, "docs", "api.md"));
        var ja = File.ReadAllText(Path.Combine(Root, "web-client", "src", "i18n", "ja.ts"));
        var en = File.ReadAllText(Path.Combine(Root, "web-client", "src", "i18n", "en.ts"));
        var codes = Codes();
        Assert.That(codes, Has.Length.GreaterThan(20), "the codes were found");
        string[] Missing(string text, string pattern) => codes.Where(c => !Regex.IsMatch(text, string.Format(pattern, Regex.Escape(c)), RegexOptions.Multiline)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Missing(docs, @"^- `{0}`"), Is.Empty, "docs/api.md: each code as a '- `code`' line of the 409 list");
            Assert.That(Missing(Section(ja), @"^\s+{0}: ""[^""]+"","), Is.Empty, "ja.ts: each code worded under conflicts");
            Assert.That(Missing(Section(en), @"^\s+{0}: ""[^""]+"","), Is.Empty, "en.ts: each code worded under conflicts");
        });
    }

    [Test]
    public void The_docs_list_no_code_the_api_does_not_have()
    {
        var docs = File.ReadAllText(Path.Combine(Root, "docs", "api.md"));
        var section = docs[docs.IndexOf("### Conflicts", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n#", 4, StringComparison.Ordinal) is > 0 and var end ? end : section.Length)];
        var listed = Regex.Matches(section, @"^- `([a-z][A-Za-z]+)`", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.That(listed, Is.Not.Empty);
        Assert.That(listed.Except(Codes()), Is.Empty, "each listed code is a ConflictCode");
    }

    /// <summary>The conflicts block of a language file: from "conflicts: {" to its closing "}".</summary>
    private static string Section(string file)
    {
        var start = file.IndexOf("\n  conflicts: {", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "the language file has a top-level conflicts block");
        var end = file.IndexOf("\n  },", start, StringComparison.Ordinal);
        return file[start..end];
    }
}
