using System.IO.Compression;
using System.Text;
using Marketplace.Search;

namespace Marketplace.Banks;

/// <summary>A bank (金融機関) of the Zengin list: its 4-digit code, its name and the name's kana.</summary>
public sealed record Bank(string Code, string Name, string Kana);

/// <summary>A branch (店舗) of a bank: its 3-digit code, its name and the name's kana.</summary>
public sealed record Branch(string Code, string Name, string Kana);

/// <summary>
/// The Zengin bank and branch list, shipped inside the API (zengin-banks.tsv.gz, about 1,150 banks and 29,000 branches
/// in 300 KB; from the zengin-code package, MIT, zengin-banks.LICENSE.txt; refreshed with
/// <c>node scripts/update-zengin-banks.mjs</c>) and read once into memory. People choose a bank and a branch by name
/// instead of typing codes: a search matches a code's beginning, or a name or its kana as the job search folds text
/// (NFKC, lower case, katakana as hiragana) with small kana as large (the list writes チユウオウ for チュウオウ), names that
/// begin with the words first; the words 銀行, 信用金庫, 信金, 信用組合 and 支店 the list leaves out are ignored.
/// </summary>
public static class BankList
{
    public const int MaxResults = 20;

    private sealed record Entry<T>(T Item, string Code, string Name, string Kana);

    private sealed record Data(List<Entry<Bank>> Banks, Dictionary<string, List<Entry<Branch>>> Branches);

    private static readonly Lazy<Data> List = new(Load);

    private static Data Load()
    {
        using var stream = typeof(BankList).Assembly.GetManifestResourceStream("Marketplace.Banks.zengin-banks.tsv.gz")
            ?? throw new InvalidOperationException("The bank list is not embedded in the API.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8);
        var banks = new List<Entry<Bank>>();
        var branches = new Dictionary<string, List<Entry<Branch>>>();
        List<Entry<Branch>>? current = null;
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            if (f[0] == "B")
            {
                var bank = new Bank(f[1], PassbookName(f[1], f[2]), f[3]);
                banks.Add(new(bank, bank.Code, Key(f[2]), Key(bank.Kana)));
                branches[bank.Code] = current = [];
            }
            else if (current is not null && f.Length == 3)
            {
                var branch = new Branch(f[0], f[1], f[2]);
                current.Add(new(branch, branch.Code, Key(branch.Name), Key(branch.Kana)));
            }
        }
        return new Data(banks, branches);
    }

    /// <summary>Banks whose code begins with, or whose name or kana holds, <paramref name="q"/>; all (the first page) without it.</summary>
    public static IReadOnlyList<Bank> FindBanks(string? q) => Find(List.Value.Banks, q);

    /// <summary>The bank of a code, or null.</summary>
    public static Bank? BankOf(string code) => List.Value.Banks.FirstOrDefault(b => b.Code == code)?.Item;

    /// <summary>The branches of a bank matching <paramref name="q"/>; null for a bank not in the list.</summary>
    public static IReadOnlyList<Branch>? FindBranches(string bankCode, string? q) =>
        List.Value.Branches.TryGetValue(bankCode, out var branches) ? Find(branches, q) : null;

    private static List<T> Find<T>(List<Entry<T>> entries, string? q)
    {
        var query = Key(Unsuffixed(q ?? ""));
        if (query.Length == 0) return entries.Take(MaxResults).Select(e => e.Item).ToList();
        if (query.All(char.IsAsciiDigit))
            return entries.Where(e => e.Code.StartsWith(query, StringComparison.Ordinal)).Take(MaxResults).Select(e => e.Item).ToList();
        return entries
            .Select(e => (e, At: Math.Min(Position(e.Name, query), Position(e.Kana, query))))
            .Where(m => m.At < int.MaxValue)
            .OrderBy(m => m.At == 0 ? 0 : 1).ThenBy(m => m.e.Name.Length).ThenBy(m => m.e.Code, StringComparer.Ordinal)
            .Take(MaxResults).Select(m => m.e.Item).ToList();
    }

    private static int Position(string text, string query)
    {
        var at = text.IndexOf(query, StringComparison.Ordinal);
        return at < 0 ? int.MaxValue : at;
    }

    private static readonly string[] Suffixes = ["銀行", "信用金庫", "信金", "信用組合", "支店", "ぎんこう", "ギンコウ", "ｷﾞﾝｺｳ"];

    private static string Unsuffixed(string q)
    {
        var text = q.Trim();
        foreach (var suffix in Suffixes)
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal)) return text[..^suffix.Length].Trim();
        return text;
    }

    /// <summary>
    /// The bank's name as a passbook and the bank's own signs print it: the Zengin list keeps the short form of the
    /// clearing house (秋田, 飯田信金, 京都農協, ＰａｙＰａｙ), which a worker choosing her bank does not recognise (a trial:
    /// "is 秋田 my 秋田銀行?"). Widths are folded (NFKC), the list's abbreviations are written out, and the Japanese
    /// banks (codes 0001–0399 and 0500–0999, the ranges the Zengin code gives city, regional, trust and internet banks;
    /// 0400–0499 are foreign banks, named as they name themselves) and ゆうちょ (9900) get 銀行. The search still matches
    /// the short form, and strips these suffixes from what is typed.
    /// </summary>
    internal static string PassbookName(string code, string name)
    {
        var full = name.Normalize(NormalizationForm.FormKC).Replace('　', ' ');
        foreach (var (abbreviation, written) in Abbreviations)
            if (full.EndsWith(abbreviation, StringComparison.Ordinal)) return full[..^abbreviation.Length] + written;
        var number = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        var bank = number is (>= 1 and < 400 and not NotABank) or (>= 500 and < 1000) or PostBank;
        return bank && !full.EndsWith("銀行", StringComparison.Ordinal) ? full + "銀行" : full;
    }

    /// <summary>0200 is a funds-transfer company with a bank code, not a bank; 9900 is ゆうちょ銀行.</summary>
    private const int NotABank = 200, PostBank = 9900;

    /// <summary>The Zengin list's abbreviations of kinds of institution, longest first.</summary>
    private static readonly (string Abbreviation, string Written)[] Abbreviations =
    [
        ("信漁連", "信用漁業協同組合連合会"), ("信連", "信用農業協同組合連合会"), ("信金", "信用金庫"), ("信組", "信用組合"),
        ("労金", "労働金庫"), ("農協", "農業協同組合"), ("漁協", "漁業協同組合"),
    ];

    /// <summary>The search's folding, with small kana as large and without spaces.</summary>
    internal static string Key(string text)
    {
        var folded = SearchText.Normalize(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c)) continue;
            builder.Append(c switch
            {
                'ぁ' => 'あ', 'ぃ' => 'い', 'ぅ' => 'う', 'ぇ' => 'え', 'ぉ' => 'お', 'っ' => 'つ', 'ゃ' => 'や', 'ゅ' => 'ゆ', 'ょ' => 'よ', 'ゎ' => 'わ',
                _ => c,
            });
        }
        return builder.ToString();
    }
}
