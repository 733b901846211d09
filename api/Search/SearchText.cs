using System.Globalization;
using System.Text;
using FluentValidation;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// How job text becomes search tokens, the same at index and at query time. Japanese has no spaces between words, so
/// CJK text is indexed as overlapping character bigrams (the approach of Lucene's CJKBigramFilter and Groonga's
/// TokenBigram), plus the last character of each run on its own so that a one-character query, a prefix search over
/// the tokens, also finds a character that ends a run. Latin letters and digits are indexed as whole words.
/// Before that, text is normalised: Unicode NFKC (half-width ｶﾀｶﾅ and full-width ＡＢＣ１２３ become the usual forms),
/// case folded, and katakana written as hiragana (ほんやく finds ホンヤク). Long vowel marks (ー) and middle dots (・)
/// stay part of a word. A reading dictionary would be needed to find 翻訳 from ほんやく; there is none.
/// </summary>
public static class SearchText
{
    /// <summary>NFKC, lower case, katakana folded to hiragana.</summary>
    public static string Normalize(string text)
    {
        var nfkc = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc) builder.Append(FoldKana(c));
        return builder.ToString();
    }

    /// <summary>Katakana ァ (U+30A1) … ヶ (U+30F6) as their hiragana ぁ … ゖ; ー, ・ and the rest unchanged.</summary>
    private static char FoldKana(char c) => c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c;

    /// <summary>The text's terms as the index stores them, separated by spaces.</summary>
    public static string IndexTokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var tokens = new List<string>();
        foreach (var term in Terms(Normalize(text)))
        {
            if (!term.IsCjk)
            {
                tokens.Add(term.Text);
                continue;
            }
            var runes = Runes(term.Text);
            for (var i = 0; i + 1 < runes.Count; i++) tokens.Add(runes[i] + runes[i + 1]);
            tokens.Add(runes[^1]);
        }
        return string.Join(' ', tokens);
    }

    /// <summary>Tokens in a space-separated token text (<see cref="IndexTokens"/>): a document's length for BM25.</summary>
    public static int TokenCount(string tokens) => tokens.Length == 0 ? 0 : tokens.AsSpan().Count(' ') + 1;

    /// <summary>A region as one facet token: normalised, with spaces and ASCII punctuation (the index's separators) left out.</summary>
    public static string RegionKey(string? region)
    {
        if (string.IsNullOrWhiteSpace(region)) return "";
        var builder = new StringBuilder();
        foreach (var c in Normalize(region))
            if (c > 0x7F ? !char.IsWhiteSpace(c) : char.IsAsciiLetterOrDigit(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>
    /// The region's facet keys as job_search stores them: its prefecture (when it begins with one) and the whole region,
    /// so that filtering by either reads one posting list.
    /// </summary>
    public static string RegionKeys(string? region)
    {
        var key = RegionKey(region);
        var prefecture = Prefecture(key);
        return prefecture is null || prefecture == key ? key : prefecture + " " + key;
    }

    /// <summary>
    /// The prefecture a normalised region begins with: 東京都, 北海道, 京都府, 大阪府, or two or three characters and 県
    /// (the 43 prefectures named …県).
    /// </summary>
    public static string? Prefecture(string key)
    {
        foreach (var named in (string[])["東京都", "北海道", "京都府", "大阪府"])
            if (key.StartsWith(named, StringComparison.Ordinal)) return named;
        var ken = key.IndexOf('県');
        return ken is 2 or 3 ? key[..(ken + 1)] : null;
    }

    /// <summary>
    /// One searched term as the index holds it: the token text it is in a document's stored tokens — a CJK run of two
    /// or more characters is the phrase of its bigrams (adjacent, in order), a Latin word is itself — or, when
    /// <paramref name="Prefix"/> (one CJK character), the beginning of a token. Every phrase of a query must match.
    /// </summary>
    public sealed record Phrase(string Tokens, bool Prefix);

    /// <summary>How many terms of what a person typed are searched; the rest are left out.</summary>
    public const int MaxTerms = 8;

    /// <summary>The terms of what a person typed, each its own phrase (at most <paramref name="maxTerms"/>); none when nothing in it is searchable.</summary>
    public static IReadOnlyList<Phrase> Phrases(string? text, int maxTerms = MaxTerms)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var phrases = new List<Phrase>();
        foreach (var term in Terms(Normalize(text)).DistinctBy(t => t.Text).Take(maxTerms))
        {
            var runes = Runes(term.Text);
            phrases.Add(!term.IsCjk ? new Phrase(term.Text, false)
                : runes.Count == 1 ? new Phrase(runes[0], true)
                : new Phrase(string.Join(' ', Enumerable.Range(0, runes.Count - 1).Select(i => runes[i] + runes[i + 1])), false));
        }
        return phrases;
    }

    /// <summary>What a person types to search: plain text of at most 200 characters with something searchable in it.</summary>
    public static IRuleBuilderOptions<T, string?> SearchWords<T>(this IRuleBuilder<T, string?> rule) =>
        rule.PlainText().MaximumLength(200)
            .Must(q => string.IsNullOrWhiteSpace(q) || Phrases(q).Count > 0)
            .WithMessage("Search words need at least one letter, digit, kana or kanji.").WithErrorCode("noSearchWords");

    /// <summary>The normalised terms of a query, for marking them in snippets.</summary>
    public static IReadOnlyList<string> QueryTerms(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Terms(Normalize(text)).Select(t => t.Text).Distinct().ToList();

    public readonly record struct Term(string Text, bool IsCjk);

    /// <summary>Runs of CJK characters and runs of other letters and digits, in order; everything else separates them.</summary>
    public static IEnumerable<Term> Terms(string normalized)
    {
        var builder = new StringBuilder();
        bool? cjk = null;
        foreach (var rune in normalized.EnumerateRunes())
        {
            bool? kind = IsCjk(rune) ? true : Rune.IsLetterOrDigit(rune) || IsMark(rune) ? false : null;
            if (kind != cjk && builder.Length > 0)
            {
                yield return new Term(builder.ToString(), cjk == true);
                builder.Clear();
            }
            cjk = kind;
            if (kind is not null) builder.Append(rune.ToString());
        }
        if (builder.Length > 0) yield return new Term(builder.ToString(), cjk == true);
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Hiragana, katakana (with ー and ・), CJK ideographs and their marks (々 〆), Hangul.</summary>
    public static bool IsCjk(Rune rune)
    {
        var v = rune.Value;
        return v is >= 0x3040 and <= 0x30FF   // hiragana, katakana, ー, ・
            or >= 0x31F0 and <= 0x31FF        // katakana phonetic extensions
            or 0x3005 or 0x3006 or 0x3007     // 々 〆 〇
            or >= 0x3400 and <= 0x4DBF        // CJK extension A
            or >= 0x4E00 and <= 0x9FFF        // CJK unified ideographs
            or >= 0xF900 and <= 0xFAFF        // CJK compatibility ideographs
            or >= 0xAC00 and <= 0xD7AF        // Hangul syllables
            or >= 0x20000 and <= 0x3FFFF;     // CJK extensions B and later
    }

    private static List<string> Runes(string text) => text.EnumerateRunes().Select(r => r.ToString()).ToList();
}
