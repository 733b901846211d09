using System.Diagnostics;
using Dapper;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

/// <summary>
/// <c>seed-board PATH JOBS</c>: a database built by the real migrations and filled, in one transaction, with JOBS
/// generated Japanese jobs of the kinds the programmes post (categories, the five programme towns, titles and
/// descriptions from templates), their search rows as PostJob writes them (the triggers fill the FTS5 index), and
/// 2,000 businesses. Fixed seed: every run makes the same jobs. bench/search.sh serves it and measures with wrk.
///
/// Shape: 20% of jobs open (the rest awarded, completed or cancelled: history outgrows the open board), 5% of them
/// members-only; one job in 1,000 mentions こけし (the rare word); 翻訳 is in about one in five (the common word).
/// </summary>
public static class BoardData
{
    public static readonly string[] Regions = ["秋田県湯沢市", "長野県塩尻市", "長野県立科町", "山形県酒田市", "長崎県西海市"];

    private static readonly (string Category, string[] Titles)[] Kinds =
    [
        ("design", ["{0}のラベルデザイン", "{0}のロゴ制作", "{0}のチラシ作成", "{0}のパンフレットデザイン", "{0}のバナー制作", "{0}のパッケージデザイン", "名刺とショップカードのデザイン"]),
        ("translation", ["{0}の紹介文の英訳", "観光案内の翻訳（日本語→英語）", "{0}の商品説明の翻訳", "メニューの英訳と中国語訳", "ウェブサイトの翻訳チェック", "{0}のECサイト翻訳"]),
        ("transcription", ["会議の議事録作成", "インタビュー音声の文字起こし", "{0}の取材音声の文字起こし", "セミナー動画の文字起こし", "議事録の要約と清書"]),
        ("writing", ["{0}の紹介記事の執筆", "ブログ記事の作成（{0}）", "SNS投稿文の作成", "{0}の商品ページの文章", "観光コラムの執筆"]),
        ("dataEntry", ["アンケート集計のデータ入力", "名簿の整理とデータ入力", "{0}の受注データ入力", "領収書の入力作業", "在庫表の更新"]),
        ("other", ["{0}の写真撮影", "動画の簡単な編集", "ECサイトの商品登録", "オンラインイベントの運営補助"]),
    ];

    private static readonly string[] Products =
    [
        "純米酒", "稲庭うどん", "りんご", "ワイン", "さくらんぼ", "温泉旅館", "地元の野菜", "こんにゃく", "味噌", "漆器", "木工品", "干し柿",
        "そば", "日本酒の蔵元", "ぶどう", "観光協会", "道の駅", "農家民宿", "和菓子", "郷土料理",
    ];

    private static readonly string[] Sentences =
    [
        "{0}を全国に届けるための仕事です。", "在宅で作業できる方を募集します。", "子育て中の方も歓迎です。", "納品はオンラインで行います。",
        "作業時間は自由に決めていただけます。", "初めての方にも丁寧にご説明します。", "過去の実績があれば教えてください。",
        "修正は二回までを想定しています。", "{0}の魅力が伝わるようにお願いします。", "地域の事業者と一緒に進めます。",
        "打ち合わせはチャットで行います。", "資料はこちらで用意します。", "スマートフォンでの作業も可能です。", "農閑期だけの参加も歓迎します。",
        "英語から日本語への翻訳経験がある方を優先します。", "Excelの基本操作ができる方。", "写真と原稿はお送りします。",
        "WordPressでの更新作業を含みます。", "納期は相談に応じます。", "継続してお願いする可能性があります。",
    ];

    public static void Seed(string path, int jobs)
    {
        var watch = Stopwatch.StartNew();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path) + "*")) File.Delete(file);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = $"Data Source={path}",
        }).Build();
        var db = new Db(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        db.Migrate();

        var random = new Random(20261121);
        var now = DateTimeOffset.UtcNow;
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        connection.Execute("PRAGMA cache_size = -524288;");
        using (var tx = connection.BeginTransaction())
        {
            var businesses = Enumerable.Range(0, 2_000).Select(i => Guid.CreateVersion7(now.AddYears(-3).AddMinutes(i)).ToString("N")).ToArray();
            connection.Execute(
                "INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES (@Id, @Email, @Name, 'business', '-', @CreatedAt)",
                businesses.Select((id, i) => new { Id = id, Email = $"b{i}@bench.example", Name = $"{Products[i % Products.Length]}の事業者 {i}", CreatedAt = now.AddYears(-3) }), tx);

            // Jobs over the last two years, one every ~63 s at 1,000,000: distinct milliseconds, so distinct rowids.
            var span = TimeSpan.FromDays(730).Ticks / jobs;
            var insertJob = """
                INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, region, status, members_only, created_at)
                VALUES (@Id, @BusinessId, @Title, @Description, @Category, @BudgetMin, @BudgetMax, @Deadline, @Region, @Status, @MembersOnly, @CreatedAt)
                """;
            const int chunk = 10_000;
            for (var from = 0; from < jobs; from += chunk)
            {
                var rows = new List<object>(chunk);
                var search = new List<object>(chunk);
                for (var i = from; i < Math.Min(jobs, from + chunk); i++)
                {
                    var created = now.AddYears(-2).AddTicks(span * i);
                    var id = Guid.CreateVersion7(created).ToString("N");
                    var (category, titles) = Kinds[random.Next(Kinds.Length)];
                    var product = Products[random.Next(Products.Length)];
                    var title = string.Format(titles[random.Next(titles.Length)], product);
                    var description = string.Concat(Enumerable.Range(0, random.Next(3, 8)).Select(_ => string.Format(Sentences[random.Next(Sentences.Length)], product)));
                    if (random.Next(1_000) == 0) description += "こけしの絵付け体験の案内も含みます。";
                    var min = random.Next(1, 40) * 1_000L;
                    var region = random.Next(10) == 0 ? null : Regions[random.Next(Regions.Length)];
                    // The newest fifth is mostly open; older jobs are history.
                    var open = i >= jobs * 0.8 ? random.Next(10) < 9 : random.Next(100) < 1;
                    var status = open ? "open" : random.Next(10) switch { < 6 => "completed", < 8 => "awarded", _ => "cancelled" };
                    rows.Add(new
                    {
                        Id = id, BusinessId = businesses[random.Next(businesses.Length)], Title = title, Description = description, Category = category,
                        BudgetMin = min, BudgetMax = min + random.Next(0, 60) * 1_000L, Deadline = created.AddDays(random.Next(7, 90)), Region = region,
                        Status = status, MembersOnly = random.Next(20) == 0, CreatedAt = created,
                    });
                    search.Add(JobSearchIndex.Row(id, title, description, region));
                }
                connection.Execute(insertJob, rows, tx);
                connection.Execute(JobSearchIndex.InsertSql, search, tx);
                Console.Error.Write($"\r{Math.Min(jobs, from + chunk):N0} jobs");
            }
            tx.Commit();
        }
        // Merge the index's segments once, as a long-running index would have.
        connection.Execute("INSERT INTO job_fts (job_fts) VALUES ('optimize')");
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        var counts = connection.QuerySingle<(long Open, long Rare, long Common)>(
            """
            SELECT (SELECT COUNT(*) FROM jobs WHERE status = 'open'),
                   (SELECT COUNT(*) FROM job_fts WHERE job_fts MATCH '"こけ けし"'),
                   (SELECT COUNT(*) FROM job_fts WHERE job_fts MATCH '"翻訳"')
            """);
        Console.Error.WriteLine();
        Console.WriteLine($"seeded {jobs:N0} jobs ({counts.Open:N0} open; こけし in {counts.Rare:N0}, 翻訳 in {counts.Common:N0}) into {path} " +
                          $"in {watch.Elapsed.TotalSeconds:F0} s, {new FileInfo(path).Length / 1_048_576:N0} MB");
    }
}
