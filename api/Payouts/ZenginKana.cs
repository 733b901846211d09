using System.Text;

namespace Marketplace.Payouts;

/// <summary>
/// The characters a Zengin transfer record carries in a name field (全銀協規定フォーマット, the "C" fields: JIS X 0201
/// half-width katakana without the small kana, upper-case Latin letters, digits, space and the symbols ( ) - . /).
/// People type names in full-width katakana, hiragana, small kana and lower case; this turns what they typed into what
/// the bank holds, the way Japanese net banking screens do (small ッ/ャ become ﾂ/ﾔ, ガ becomes ｶﾞ, ー becomes -), and
/// names the first character it cannot turn into anything the file allows.
/// </summary>
public static class ZenginKana
{
    private const string FullKatakana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    private const string HalfKatakana = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";

    // Small kana are not in the Zengin set: banks register キュウ as ｷﾕｳ. The old kana ヰ, ヱ and ヲ are written as the
    // vowels they are read as, ヮ ヵ ヶ as their large forms.
    private static readonly Dictionary<char, char> Folded = new()
    {
        ['ァ'] = 'ア', ['ィ'] = 'イ', ['ゥ'] = 'ウ', ['ェ'] = 'エ', ['ォ'] = 'オ', ['ッ'] = 'ツ', ['ャ'] = 'ヤ', ['ュ'] = 'ユ', ['ョ'] = 'ヨ',
        ['ヮ'] = 'ワ', ['ヵ'] = 'カ', ['ヶ'] = 'ケ', ['ヰ'] = 'イ', ['ヱ'] = 'エ', ['ヲ'] = 'オ',
    };

    /// <summary>The symbols the name fields allow besides letters, digits and kana.</summary>
    public const string Symbols = " ()-./";

    /// <summary>The normalised name, or the first character that has no place in a Zengin name.</summary>
    public static (string? Name, string? Refused) Normalise(string typed)
    {
        // NFKC: half-width kana become full-width (ｶﾞ becomes ガ), full-width Latin, digits and symbols become ASCII.
        var text = typed.Normalize(NormalizationForm.FormKC).Trim();
        var result = new StringBuilder(text.Length + 4);
        var lastWasSpace = false;
        foreach (var c0 in text)
        {
            var c = c0;
            if (c is >= 'ぁ' and <= 'ゖ') c = (char)(c + ('ァ' - 'ぁ')); // hiragana to katakana
            if (Folded.TryGetValue(c, out var large)) c = large;
            if (c is 'ー' or '－' or '‐' or '−') c = '-';             // the long vowel mark is written as a hyphen
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) result.Append(' '); // one space between family and given name, as banks hold it
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            if (c is >= 'a' and <= 'z') c = char.ToUpperInvariant(c);
            if (c is >= 'A' and <= 'Z' or >= '0' and <= '9' || Symbols.Contains(c))
            {
                result.Append(c);
                continue;
            }
            if (!AppendKana(result, c)) return (null, c0.ToString());
        }
        return (result.ToString(), null);
    }

    /// <summary>A full-width katakana as half-width: the base kana, then ﾞ or ﾟ for a voiced or semi-voiced one.</summary>
    private static bool AppendKana(StringBuilder result, char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD); // ガ = カ + U+3099, パ = ハ + U+309A
        var index = FullKatakana.IndexOf(decomposed[0]);
        if (index < 0) return false;
        result.Append(HalfKatakana[index]);
        for (var i = 1; i < decomposed.Length; i++)
        {
            switch (decomposed[i])
            {
                case '\u3099': result.Append('ﾞ'); break;
                case '\u309A': result.Append('ﾟ'); break;
                default: return false;
            }
        }
        return true;
    }
}
