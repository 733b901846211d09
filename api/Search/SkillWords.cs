using Marketplace.Jobs;

namespace Marketplace.Search;

/// <summary>
/// Skills by meaning: workers write their skills in their own words (英訳, 翻訳, Translation, 和訳…), so a skill is matched
/// through the words each category counts as its own, not letter by letter. The producer's recommendation counts a
/// worker as skilled for a job when one of its skills is a word of the job's category; the worker search by a skill
/// finds every worker with a word of the same category (翻訳 finds 英訳), and a skill of no category only itself.
/// The one table of them is here. Words are compared in lower case with katakana and hiragana alike, as people write
/// them (SQL lowers ASCII only, so each word is given in the forms people type).
/// </summary>
public static class SkillWords
{
    public static readonly IReadOnlyDictionary<JobCategory, string[]> ByCategory = new Dictionary<JobCategory, string[]>
    {
        [JobCategory.Design] =
        [
            "design", "graphic design", "illustration", "logo", "label design", "web design", "banner", "flyer", "dtp",
            "photoshop", "illustrator", "canva", "figma", "indesign", "デザイン", "グラフィックデザイン", "イラスト", "イラストレーション", "ロゴ", "ロゴデザイン",
            "ラベルデザイン", "webデザイン", "バナー", "チラシ", "パッケージデザイン", "挿絵", "名刺デザイン",
        ],
        [JobCategory.Translation] =
        [
            "translation", "english", "chinese", "korean", "localization", "翻訳", "英訳", "和訳", "英語", "中国語", "韓国語",
            "英語翻訳", "日英翻訳", "英日翻訳", "中国語翻訳", "韓国語翻訳", "ローカライズ",
        ],
        [JobCategory.Transcription] =
        [
            "transcription", "captioning", "subtitles", "文字起こし", "テープ起こし", "書き起こし", "音声起こし", "議事録", "字幕",
        ],
        [JobCategory.Writing] =
        [
            "writing", "copywriting", "editing", "proofreading", "ライティング", "コピーライティング", "執筆", "記事作成", "ブログ",
            "編集", "校正", "ライター",
        ],
        [JobCategory.DataEntry] =
        [
            "dataentry", "data entry", "typing", "excel", "データ入力", "入力", "タイピング", "エクセル", "リスト作成",
        ],
        [JobCategory.Other] = ["other", "photo", "photography", "sns", "video editing", "写真", "撮影", "sns運用", "動画編集"],
    };

    /// <summary>The words of a category, in every form compared.</summary>
    public static IReadOnlyList<string> OfCategory(JobCategory category) => Forms(ByCategory[category]);

    /// <summary>
    /// The words a skill search matches: the skill's own, and the words of each category the skill is a word of.
    /// </summary>
    public static IReadOnlyList<string> SameMeaning(string skill)
    {
        var key = Key(skill);
        var categories = ByCategory.Where(c => c.Value.Any(w => Key(w) == key)).SelectMany(c => c.Value);
        return Forms(categories.Append(skill.Trim()));
    }

    /// <summary>How two words are told to be one: lower case, katakana as hiragana, full-width as half (NFKC).</summary>
    private static string Key(string word) => SearchText.Normalize(word.Trim());

    /// <summary>Each word lower-cased as SQL's LOWER makes a stored skill, in katakana and in hiragana.</summary>
    private static IReadOnlyList<string> Forms(IEnumerable<string> words) =>
        words.SelectMany(w => new[] { w.Trim().ToLowerInvariant(), Key(w), ToKatakana(Key(w)) }).Distinct(StringComparer.Ordinal).ToList();

    private static string ToKatakana(string text) =>
        string.Concat(text.Select(c => c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c));
}
