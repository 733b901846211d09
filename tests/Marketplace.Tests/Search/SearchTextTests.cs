using Marketplace.Search;

namespace Marketplace.Tests;

/// <summary>The tokeniser and the pieces of ranking, without the API.</summary>
public sealed class SearchTextTests
{
    [TestCase("ﾗﾍﾞﾙ", "らべる")]
    [TestCase("ＬＯＧＯ　１２３", "logo 123")]
    [TestCase("ホンヤク", "ほんやく")]
    [TestCase("ワード・プレス", "わーど・ぷれす")]
    [TestCase("㈱ﾃｽﾄ", "(株)てすと")]
    public void Text_is_normalised_as_the_issue_says(string text, string normalised) =>
        Assert.That(SearchText.Normalize(text), Is.EqualTo(normalised));

    [Test]
    public void CJK_runs_are_bigrams_with_their_last_character_and_Latin_words_stay_whole()
    {
        Assert.That(SearchText.IndexTokens("日本酒のラベル Logo2026 酒"), Is.EqualTo("日本 本酒 酒の のら らべ べる る logo2026 酒"));
        Assert.That(SearchText.IndexTokens("file_name"), Is.EqualTo("file name"));
        Assert.That(SearchText.IndexTokens("𠮷野家"), Is.EqualTo("𠮷野 野家 家"), "a character outside the BMP is one character");
    }

    [Test]
    public void A_query_is_quoted_phrases_and_one_character_is_a_prefix()
    {
        Assert.That(Fts5.Words(SearchText.Phrases("ラベル 酒 logo")), Is.EqualTo("\"らべ べる\" AND \"酒\" * AND \"logo\""));
        Assert.That(Fts5.Words(SearchText.Phrases("\"a\" OR b*")), Is.EqualTo("\"a\" AND \"or\" AND \"b\""));
        Assert.That(SearchText.Phrases("!!! ---"), Is.Empty);
    }

    [Test]
    public void Each_engine_spells_the_same_phrases_in_its_own_query_language()
    {
        var phrases = SearchText.Phrases("ラベル 酒 logo");
        Assert.That(PostgresTextSearch.Words(phrases, "AB"), Is.EqualTo("('らべ':AB <-> 'べる':AB) & ('酒':*AB) & ('logo':AB)"));
        Assert.That(phrases.Select(SqlServerFullText.Phrase), Is.EqualTo(new[] { "\"らべ べる\"", "\"酒*\"", "\"logo\"" }));
        // No token the API makes holds a quote or a backslash, but each engine's quoting is kept anyway.
        Assert.That(PostgresTextSearch.Lexeme("it's\\"), Is.EqualTo("'it''s\\\\'"));
        Assert.That(SqlServerFullText.Phrase(new SearchText.Phrase("a\"b", false)), Is.EqualTo("\"a\"\"b\""));
    }

    [Test]
    public void The_board_and_profile_matches_name_facets_as_FTS5_does()
    {
        var visitor = new JobQuery { Text = "翻訳", Category = "dataEntry", Region = "秋田" };
        Assert.That(Fts5.BoardMatch(visitor), Is.EqualTo("(facets : \"cdataentry\" AND facets : \"r秋田\" * AND {title body} : (\"翻訳\")) NOT facets : members"));
        Assert.That(PostgresTextSearch.BoardMatch(visitor), Is.EqualTo("('cdataentry':D & 'r秋田':*D & ('翻訳':AB)) & !'members':D"));
        Assert.That(SqlServerFullText.BoardFacets(visitor), Is.EqualTo("\"cdataentry\" AND \"r秋田*\" AND NOT \"members\""));
        var worker = new JobQuery { Region = "秋田県", SeesMembersOnly = true };
        Assert.That(Fts5.BoardMatch(worker), Is.EqualTo("facets : \"r秋田県\""));
        Assert.That(PostgresTextSearch.BoardMatch(worker), Is.EqualTo("'r秋田県':D"));
        Assert.That(SqlServerFullText.BoardFacets(new JobQuery { SeesMembersOnly = true }), Is.EqualTo("\"open\""), "the board's facets are never empty");
        Assert.That(PostgresTextSearch.ProfileMatch(SearchText.Phrases("ロゴ"), "秋田県"), Is.EqualTo("'r秋田県':D & ('ろご':ABC)"));
    }

    [TestCase("秋田県湯沢市", "秋田県 秋田県湯沢市")]
    [TestCase("神奈川県横浜市", "神奈川県 神奈川県横浜市")]
    [TestCase("京都府京都市", "京都府 京都府京都市")]
    [TestCase("東京都", "東京都")]
    [TestCase("長崎県 西海市", "長崎県 長崎県西海市")]
    [TestCase("オンライン", "おんらいん")]
    [TestCase(null, "")]
    public void A_region_is_kept_with_its_prefecture(string? region, string keys) =>
        Assert.That(SearchText.RegionKeys(region), Is.EqualTo(keys));

    [Test]
    public void Occurrences_count_whole_tokens_or_token_beginnings()
    {
        var phrases = SearchText.Phrases("らべる 酒 logo");
        Assert.That(Ranking.Occurrences("らべ べる る らべ べる る", phrases[0]), Is.EqualTo(2));
        Assert.That(Ranking.Occurrences("日本 本酒 酒 酒蔵 蔵", phrases[1]), Is.EqualTo(2), "酒 and 酒蔵 begin with 酒; 本酒 does not");
        Assert.That(Ranking.Occurrences("logos logo", phrases[2]), Is.EqualTo(1));
    }

    [Test]
    public void Cursors_keep_the_formats_handed_out_before_search_had_its_own_folder()
    {
        const string id = "0193a2b4c5d67e8f9a0b1c2d3e4f5a6b";
        var deadline = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var issued = new (SearchCursor Cursor, string Text)[]
        {
            (new WindowCursor(1234, -2.5, 1200), "dzoxMjM0fC0yLjV8MTIwMA"),                        // w:1234|-2.5|1200
            (new OlderCursor(1200), "bzoxMjAw"),                                                   // o:1200
            (new BudgetCursor(50_000, id), "Yjo1MDAwMHwwMTkzYTJiNGM1ZDY3ZThmOWEwYjFjMmQzZTRmNWE2Yg"), // b:50000|id
            (new DeadlineCursor(deadline, id),                                                     // d:2026-03-01T09:00:00.0000000Z|id
                "ZDoyMDI2LTAzLTAxVDA5OjAwOjAwLjAwMDAwMDBafDAxOTNhMmI0YzVkNjdlOGY5YTBiMWMyZDNlNGY1YTZi"),
        };
        foreach (var (cursor, text) in issued)
        {
            Assert.That(cursor.Encode(), Is.EqualTo(text));
            Assert.That(SearchCursor.Decode(text), Is.EqualTo(cursor));
        }
        Assert.That(SearchCursor.Decode(Platform.Paging.Encode(id)), Is.Null, "newest order's cursor is the platform's");
        Assert.That(SearchCursor.Decode("bm9uc2Vuc2U"), Is.Null, "nonsense");
    }
}
