using System.Text.RegularExpressions;

namespace Marketplace.Tests;

/// <summary>
/// Every 409 the API answers carries a stable code a client can word (issue 13: "the API gives every 409 a stable
/// code beside its text, and the client words each"). A source scan, because a throw site is code, not data: each
/// <c>new ConflictException(…)</c> in api/ must end with a literal camelCase code other than the catch-all "conflict",
/// and each code must be listed in docs/api.md and worded in both of the web client's languages.
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

    public sealed record ThrowSite(string File, int Line, string LastArgument);

    /// <summary>Each <c>new ConflictException(</c> in api/ with its last argument as written.</summary>
    public static IReadOnlyList<ThrowSite> Sites()
    {
        var sites = new List<ThrowSite>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Root, "api"), "*.cs", SearchOption.AllDirectories))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            var text = File.ReadAllText(path);
            foreach (Match m in Regex.Matches(text, @"new\s+ConflictException\s*\("))
            {
                var arguments = Arguments(text, m.Index + m.Length);
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                sites.Add(new ThrowSite(Path.GetRelativePath(Root, path), line, arguments.Count == 0 ? "" : arguments[^1].Trim()));
            }
        }
        return sites;
    }

    /// <summary>The top-level arguments of a call whose "(" ends just before <paramref name="start"/>; strings are skipped whole.</summary>
    private static List<string> Arguments(string text, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var begin = start;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                    if (text[i] == '\\') i++;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    arguments.Add(text[begin..i]);
                    return arguments;
                }
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text[begin..i]);
                begin = i + 1;
            }
        }
        throw new InvalidOperationException("An unclosed ConflictException call.");
    }

    private static string[] Codes() =>
        Sites().Select(s => Regex.Match(s.LastArgument, "^\"([a-z][A-Za-z]+)\"$").Groups[1].Value).Where(c => c != "")
            // A unique index refusing a row (ProblemExceptionHandler) is the one 409 not thrown as a ConflictException.
            .Append("duplicate").Distinct().Order().ToArray();

    [Test]
    public void Every_conflict_thrown_in_the_api_names_a_specific_code()
    {
        var sites = Sites();
        // The scan must see the throw sites at all (there are more than forty), or it proves nothing.
        Assert.That(sites, Has.Count.GreaterThan(40));
        var vague = sites.Where(s => !Regex.IsMatch(s.LastArgument, "^\"[a-z][A-Za-z]+\"$") || s.LastArgument == "\"conflict\"")
            .Select(s => $"{s.File}:{s.Line} ends with {s.LastArgument}").ToArray();
        Assert.That(vague, Is.Empty, "Each ConflictException passes a literal camelCase code (not \"conflict\") as its last argument.");
    }

    [Test]
    public void Every_conflict_code_is_listed_in_the_readme_and_worded_in_both_languages()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "docs", "api.md"));
        var ja = File.ReadAllText(Path.Combine(Root, "web-client", "src", "i18n", "ja.ts"));
        var en = File.ReadAllText(Path.Combine(Root, "web-client", "src", "i18n", "en.ts"));
        var codes = Codes();
        Assert.That(codes, Has.Length.GreaterThan(20));
        string[] Missing(string text, string pattern) => codes.Where(c => !Regex.IsMatch(text, string.Format(pattern, Regex.Escape(c)), RegexOptions.Multiline)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Missing(readme, @"^- `{0}`"), Is.Empty, "docs/api.md: each code as a '- `code`' line of the 409 list");
            Assert.That(Missing(Section(ja), @"^\s+{0}: ""[^""]+"","), Is.Empty, "ja.ts: each code worded under conflicts");
            Assert.That(Missing(Section(en), @"^\s+{0}: ""[^""]+"","), Is.Empty, "en.ts: each code worded under conflicts");
        });
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
