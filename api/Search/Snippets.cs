using System.Globalization;

namespace Marketplace.Search;

/// <summary>A marked stretch of a text: offsets in UTF-16 code units, as a JavaScript string counts them.</summary>
public readonly record struct Stretch(int Start, int Length);

/// <summary>A passage of the original text and the stretches in it that matched.</summary>
public sealed record Passage(string Text, IReadOnlyList<Stretch> Stretches);

/// <summary>
/// Finds the searched terms (<see cref="SearchText.QueryTerms"/>) in an original text, normalised as the index
/// normalises it, and answers ranges into the original (the client marks them as text, never as markup). Each text
/// element (a character with its combining marks, e.g. half-width ﾍﾞ) is normalised on its own, so every normalised
/// character maps back to the element it came from.
/// </summary>
public static class Snippets
{
    public const int PassageLength = 120;
    private const int Lead = 30;

    public static IReadOnlyList<Stretch> Find(string text, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0 || text.Length == 0) return [];
        var normalized = new System.Text.StringBuilder(text.Length);
        var from = new List<int>(text.Length);
        var to = new List<int>(text.Length);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var start = elements.ElementIndex;
            if (element.Length == 1 && Stable(element[0]))
            {
                normalized.Append(Fold(element[0]));
                from.Add(start);
                to.Add(start + 1);
                continue;
            }
            foreach (var c in SearchText.Normalize(element))
            {
                normalized.Append(c);
                from.Add(start);
                to.Add(start + element.Length);
            }
        }
        var n = normalized.ToString();
        var ranges = new List<(int Start, int End)>();
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            var latin = !SearchText.IsCjk(System.Text.Rune.GetRuneAt(term, 0));
            for (var at = n.IndexOf(term, StringComparison.Ordinal); at >= 0; at = n.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                // A Latin term is a whole word in the index, so "art" is not marked inside "smart".
                if (latin && (WordCharAt(n, at - 1) || WordCharAt(n, at + term.Length))) continue;
                ranges.Add((from[at], to[at + term.Length - 1]));
            }
        }
        var merged = new List<Stretch>();
        foreach (var (start, end) in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.Length, end - last.Start) };
            }
            else merged.Add(new Stretch(start, end - start));
        }
        return merged;
    }

    /// <summary>Characters NFKC leaves alone, normalised without calling it: most of a Japanese text.</summary>
    private static bool Stable(char c) =>
        c is >= ' ' and <= '~' or >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FA' or '\u30FC' or '\u3001' or '\u3002'
            or >= '\u300C' and <= '\u300F' or >= '\u4E00' and <= '\u9FFF';

    private static char Fold(char c) => c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : char.ToLowerInvariant(c);

    private static bool WordCharAt(string text, int index) =>
        index >= 0 && index < text.Length && !char.IsSurrogate(text[index]) && char.IsLetterOrDigit(text[index])
        && !SearchText.IsCjk(new System.Text.Rune(text[index]));

    /// <summary>About <see cref="PassageLength"/> characters around the first match (or the start), with the matches in it.</summary>
    public static Passage Around(string text, IReadOnlyList<Stretch> highlights)
    {
        var start = highlights.Count == 0 ? 0 : Math.Max(0, highlights[0].Start - Lead);
        var end = Math.Min(text.Length, start + PassageLength);
        if (end < text.Length && end > start && char.IsHighSurrogate(text[end - 1])) end--;
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        var prefix = start > 0 ? "…" : "";
        var suffix = end < text.Length ? "…" : "";
        var inside = highlights
            .Where(h => h.Start < end && h.Start + h.Length > start)
            .Select(h =>
            {
                var s = Math.Max(h.Start, start);
                var e = Math.Min(h.Start + h.Length, end);
                return new Stretch(s - start + prefix.Length, e - s);
            })
            .ToList();
        return new Passage(prefix + text[start..end] + suffix, inside);
    }
}
