using System.Diagnostics;
using System.Text;
using Dapper;
using Marketplace.Platform;
using Marketplace.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// <c>seed-board TARGET JOBS</c>: a database built by the real migrations and filled with JOBS generated Japanese jobs of
/// the kinds the programmes post (categories, the five programme towns, titles and descriptions from templates), their
/// search rows as PostJob writes them, and 2,000 businesses. TARGET is a SQLite file, or <c>postgres:</c> and a
/// connection string naming an empty database. Fixed seed: every run makes the same jobs on either engine.
/// <c>bench-queries FOLDER</c> writes the requests bench/search.sh rotates through, taken from the same vocabulary.
///
/// Shape: 20% of jobs open (the rest awarded, completed or cancelled: history outgrows the open board), 5% of them
/// members-only; one job in 1,000 mentions こけし, and each of 200 other craft words (<see cref="RareWords"/>) is in about
/// one job in 1,000 too (the rare words); 翻訳 is in about a third (the common word).
///
/// SQLite: one transaction through the real statements (the triggers fill the FTS5 indexes), then FTS5's optimize.
/// PostgreSQL: the rows by COPY (Npgsql's binary import) with the triggers off, then every table the triggers keep is
/// filled from its view in one statement, its indexes built after (as a migration's backfill would), then ANALYZE.
/// </summary>
public static class BoardData
{
    public static readonly string[] Regions = ["秋田県湯沢市", "長野県塩尻市", "長野県立科町", "山形県酒田市", "長崎県西海市"];
    public static readonly string[] Prefectures = ["秋田県", "長野県", "山形県", "長崎県"];
    public static readonly string[] Categories = ["design", "translation", "transcription", "writing", "dataEntry", "other"];

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

    /// <summary>
    /// The rare words: こけし and 200 crafts (a material and a craft: 桜皮細工, 藍染め, 竹籠…), each in about one job in
    /// 1,000. Two to four characters, so a rare search is one bigram or a phrase of two or three.
    /// </summary>
    public static readonly string[] RareWords =
    [
        "こけし",
        .. from material in (string[])["桜皮", "樺", "漆", "竹", "藍", "和紙", "陶", "鉄", "木地", "柿渋", "絹", "麻", "藁", "桐", "楓", "檜", "杉", "栗", "椿", "柚子"]
           from craft in (string[])["細工", "染め", "人形", "玩具", "箸", "盆", "籠", "鈴", "面", "凧"]
           select material + craft,
    ];

    /// <summary>One generated job with its search row, as PostJob writes them.</summary>
    public sealed record JobRow(
        string Id, string BusinessId, string Title, string Description, string Category, long BudgetMin, long BudgetMax,
        DateTimeOffset Deadline, string? Region, string Status, bool MembersOnly, DateTimeOffset CreatedAt)
    {
        public long DocId => JobSearchIndex.DocId(Id);
        public string TitleTokens => SearchText.IndexTokens(Title);
        public string BodyTokens => SearchText.IndexTokens(Description);
        public string RegionKey => SearchText.RegionKeys(Region);
    }

    public sealed record BusinessRow(string Id, string Email, string Name, DateTimeOffset CreatedAt);

    public static BusinessRow[] Businesses(DateTimeOffset now) =>
        Enumerable.Range(0, 2_000)
            .Select(i => new BusinessRow(Guid.CreateVersion7(now.AddYears(-3).AddMinutes(i)).ToString("N"), $"b{i}@bench.example",
                $"{Products[i % Products.Length]}の事業者 {i}", Stored(now.AddYears(-3))))
            .ToArray();

    /// <summary>The jobs, oldest first, the same for the same count on every run (the clock only moves them in time).</summary>
    public static IEnumerable<JobRow> Jobs(int jobs, DateTimeOffset now, BusinessRow[] businesses)
    {
        var random = new Random(20261121);
        var rare = new Random(28);
        var ids = new Random(7);
        // Jobs over the last two years, one every ~63 s at 1,000,000: distinct milliseconds, so distinct doc ids.
        var span = TimeSpan.FromDays(730).Ticks / jobs;
        for (var i = 0; i < jobs; i++)
        {
            var created = now.AddYears(-2).AddTicks(span * i);
            var id = JobId(created, ids);
            var (category, titles) = Kinds[random.Next(Kinds.Length)];
            var product = Products[random.Next(Products.Length)];
            var title = string.Format(titles[random.Next(titles.Length)], product);
            var description = string.Concat(Enumerable.Range(0, random.Next(3, 8)).Select(_ => string.Format(Sentences[random.Next(Sentences.Length)], product)));
            if (random.Next(1_000) == 0) description += "こけしの絵付け体験の案内も含みます。";
            // A separate stream, so that the jobs themselves are those of the first benchmark runs.
            if (rare.Next(5) == 0) description += $"{RareWords[1 + rare.Next(RareWords.Length - 1)]}の工房の紹介も少し含みます。";
            var min = random.Next(1, 40) * 1_000L;
            var region = random.Next(10) == 0 ? null : Regions[random.Next(Regions.Length)];
            // The newest fifth is mostly open; older jobs are history.
            var open = i >= jobs * 0.8 ? random.Next(10) < 9 : random.Next(100) < 1;
            var status = open ? "open" : random.Next(10) switch { < 6 => "completed", < 8 => "awarded", _ => "cancelled" };
            yield return new JobRow(id, businesses[random.Next(businesses.Length)].Id, title, description, category,
                min, min + random.Next(0, 60) * 1_000L, Stored(created.AddDays(random.Next(7, 90))), region, status,
                random.Next(20) == 0, Stored(created));
        }
    }

    /// <summary>
    /// A UUIDv7 as PostJob draws one (its 48-bit millisecond time first), with the other bits from a seeded stream rather
    /// than Guid.CreateVersion7's random ones: PostgreSQL's seeding generates the jobs twice (the rows, then their search
    /// rows), and both passes must name the same jobs.
    /// </summary>
    private static string JobId(DateTimeOffset created, Random ids)
    {
        Span<byte> bytes = stackalloc byte[16];
        ids.NextBytes(bytes);
        var ms = created.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>As the API keeps a time (TimeHandler.Stored): UTC, to the microsecond.</summary>
    private static DateTimeOffset Stored(DateTimeOffset value) => value.ToUniversalTime().AddTicks(-(value.UtcTicks % TimeSpan.TicksPerMicrosecond));

    public static void Seed(string target, int jobs)
    {
        var watch = Stopwatch.StartNew();
        var summary = target.StartsWith("postgres:", StringComparison.Ordinal)
            ? SeedPostgres(target["postgres:".Length..], jobs)
            : SeedSqlite(target, jobs);
        Console.Error.WriteLine();
        Console.WriteLine($"seeded {jobs:N0} jobs ({summary}) into {target} in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static Db Migrated(Dictionary<string, string?> settings)
    {
        var db = new Db(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        db.Migrate();
        return db;
    }

    private const string Counts = """
        SELECT (SELECT COUNT(*) FROM jobs WHERE status = 'open') AS open,
               (SELECT COUNT(*) FROM job_search WHERE body LIKE '%こけ けし%') AS rare,
               (SELECT COUNT(*) FROM job_search WHERE title LIKE '%翻訳%' OR body LIKE '%翻訳%') AS common
        """;

    private static string Summary((long Open, long Rare, long Common) counts) =>
        $"{counts.Open:N0} open; こけし in {counts.Rare:N0}, 翻訳 in {counts.Common:N0}";

    private static string SeedSqlite(string path, int jobs)
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path) + "*")) File.Delete(file);
        Migrated(new() { ["ConnectionStrings:Marketplace"] = $"Data Source={path}" });
        var now = DateTimeOffset.UtcNow;
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        connection.Execute("PRAGMA cache_size = -524288;");
        using (var tx = connection.BeginTransaction())
        {
            var businesses = Businesses(now);
            connection.Execute(
                "INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES (@Id, @Email, @Name, 'business', '-', @CreatedAt)",
                businesses, tx);
            const string insertJob = """
                INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, region, status, members_only, created_at)
                VALUES (@Id, @BusinessId, @Title, @Description, @Category, @BudgetMin, @BudgetMax, @Deadline, @Region, @Status, @MembersOnly, @CreatedAt)
                """;
            var written = 0;
            foreach (var chunk in Jobs(jobs, now, businesses).Chunk(10_000))
            {
                connection.Execute(insertJob, chunk, tx);
                connection.Execute(JobSearchIndex.InsertSql, chunk.Select(j => JobSearchIndex.Row(j.Id, j.Title, j.Description, j.Region)), tx);
                written += chunk.Length;
                Console.Error.Write($"\r{written:N0} jobs");
            }
            tx.Commit();
        }
        // Merge the indexes' segments once, as a long-running index would have.
        connection.Execute("INSERT INTO job_fts (job_fts) VALUES ('optimize')");
        connection.Execute("INSERT INTO job_board_fts (job_board_fts) VALUES ('optimize')");
        connection.Execute("ANALYZE main");
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        return Summary(connection.QuerySingle<(long, long, long)>(Counts)) + $", {new FileInfo(path).Length / 1_048_576:N0} MB";
    }

    /// <summary>
    /// The tables the search triggers keep, in the order to fill them, each from the statement its migration's backfill
    /// runs: with the triggers off during COPY, they are filled here in one statement each.
    /// </summary>
    private static readonly (string Table, string Fill)[] PostgresDerived =
    [
        ("job_fts", "INSERT INTO job_fts (rowid, terms) SELECT v.doc_id, job_terms(v.title, v.body, v.facets) FROM job_search_content v"),
        ("job_board_fts", "INSERT INTO job_board_fts (rowid, terms) SELECT v.doc_id, job_terms(v.title, v.body, v.facets) FROM job_board_content v"),
        ("job_board_totals", """
            INSERT INTO job_board_totals (id, jobs, token_count)
            SELECT 1, COUNT(*), COALESCE(SUM(s.token_count), 0) FROM job_search s JOIN jobs j ON j.id = s.job_id WHERE j.status = 'open'
            """),
    ];

    private static string SeedPostgres(string connectionString, int jobs)
    {
        Migrated(new() { ["Database:Provider"] = "postgres", ["ConnectionStrings:Marketplace"] = connectionString });
        var now = DateTimeOffset.UtcNow;
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        connection.Execute("SET maintenance_work_mem = '1GB'");
        using (var tx = connection.BeginTransaction())
        {
            // The rows as they are: no trigger, no foreign-key check (the generator keeps every key).
            connection.Execute("SET LOCAL session_replication_role = replica", transaction: tx);
            var businesses = Businesses(now);
            using (var users = connection.BeginBinaryImport("COPY users (id, email, display_name, role, password_hash, created_at) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var b in businesses)
                {
                    users.StartRow();
                    users.Write(b.Id, NpgsqlDbType.Text);
                    users.Write(b.Email, NpgsqlDbType.Text);
                    users.Write(b.Name, NpgsqlDbType.Text);
                    users.Write("business", NpgsqlDbType.Text);
                    users.Write("-", NpgsqlDbType.Text);
                    users.Write(b.CreatedAt, NpgsqlDbType.TimestampTz);
                }
                users.Complete();
            }
            using (var rows = connection.BeginBinaryImport(
                       "COPY jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, region, status, members_only, created_at) FROM STDIN (FORMAT BINARY)"))
            {
                var written = 0;
                foreach (var job in Jobs(jobs, now, businesses))
                {
                    rows.StartRow();
                    rows.Write(job.Id, NpgsqlDbType.Text);
                    rows.Write(job.BusinessId, NpgsqlDbType.Text);
                    rows.Write(job.Title, NpgsqlDbType.Text);
                    rows.Write(job.Description, NpgsqlDbType.Text);
                    rows.Write(job.Category, NpgsqlDbType.Text);
                    rows.Write(job.BudgetMin, NpgsqlDbType.Bigint);
                    rows.Write(job.BudgetMax, NpgsqlDbType.Bigint);
                    rows.Write(job.Deadline, NpgsqlDbType.TimestampTz);
                    if (job.Region is null) rows.WriteNull(); else rows.Write(job.Region, NpgsqlDbType.Text);
                    rows.Write(job.Status, NpgsqlDbType.Text);
                    rows.Write(job.MembersOnly, NpgsqlDbType.Boolean);
                    rows.Write(job.CreatedAt, NpgsqlDbType.TimestampTz);
                    if (++written % 10_000 == 0) Console.Error.Write($"\r{written:N0} jobs");
                }
                rows.Complete();
            }
            // The search rows in a second pass over the same generated jobs, rather than a million token strings held in memory.
            using (var search = connection.BeginBinaryImport("COPY job_search (doc_id, job_id, title, body, region_key, token_count) FROM STDIN (FORMAT BINARY)"))
            {
                var written = 0;
                foreach (var job in Jobs(jobs, now, businesses))
                {
                    search.StartRow();
                    search.Write(job.DocId, NpgsqlDbType.Bigint);
                    search.Write(job.Id, NpgsqlDbType.Text);
                    search.Write(job.TitleTokens, NpgsqlDbType.Text);
                    search.Write(job.BodyTokens, NpgsqlDbType.Text);
                    search.Write(job.RegionKey, NpgsqlDbType.Text);
                    search.Write((long)(SearchText.TokenCount(job.TitleTokens) + SearchText.TokenCount(job.BodyTokens)), NpgsqlDbType.Bigint);
                    if (++written % 10_000 == 0) Console.Error.Write($"\r{written:N0} search rows");
                }
                search.Complete();
            }
            // Each derived table filled at once, its secondary indexes built after the rows (much faster than row by row).
            foreach (var (table, fill) in PostgresDerived)
            {
                var indexes = connection.Query<(string Name, string Definition)>(
                    "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = @Table AND i.indexname NOT LIKE '%_pkey'",
                    new { Table = table }, tx).ToList();
                foreach (var index in indexes) connection.Execute($"DROP INDEX {index.Name}", transaction: tx);
                Console.Error.Write($"\rfilling {table}…            ");
                connection.Execute($"TRUNCATE {table}", transaction: tx);
                connection.Execute(fill, transaction: tx, commandTimeout: 0);
                foreach (var index in indexes) connection.Execute(index.Definition, transaction: tx, commandTimeout: 0);
            }
            tx.Commit();
        }
        connection.Execute("VACUUM ANALYZE", commandTimeout: 0);
        var size = connection.ExecuteScalar<long>("SELECT pg_database_size(current_database())");
        return Summary(connection.QuerySingle<(long, long, long)>(Counts)) + $", {size / 1_048_576:N0} MB";
    }

    /// <summary>
    /// <c>bench-queries FOLDER</c>: the requests bench/search.sh rotates through, one request target a line, each list
    /// shuffled (fixed seed) so that one request differs from the next: at least 1,000 distinct word, filter and sort
    /// combinations per list, all taken from the generated data.
    /// </summary>
    public static void WriteQueries(string folder)
    {
        Directory.CreateDirectory(folder);
        var words = CommonWords(160);
        static string Q(string word) => "q=" + Uri.EscapeDataString(word);
        static string Region(string region) => "&region=" + Uri.EscapeDataString(region);
        var lists = new Dictionary<string, List<string>>
        {
            ["first"] = ["/api/jobs"],
            // A rare word alone and with each prefecture.
            ["rare"] = [.. from w in RareWords from r in (string?[])[null, .. Prefectures] select "/api/jobs?" + Q(w) + (r is null ? "" : Region(r))],
            // A common word by relevance, alone and with each category.
            ["common"] = [.. from w in words from c in (string?[])[null, .. Categories] select "/api/jobs?" + Q(w) + (c is null ? "" : "&category=" + c)],
            // A word with a category and a prefecture.
            ["filtered"] = [.. from w in words from c in Categories from r in Prefectures select "/api/jobs?" + Q(w) + "&category=" + c + Region(r)],
            // Filters without words: category, region (none, a prefecture or a town), a minimum budget, and a sort.
            ["filters"] = [.. from c in (string?[])[null, .. Categories]
                             from r in (string?[])[null, .. Prefectures, .. Regions]
                             from min in (long?[])[null, 10_000, 30_000, 50_000, 70_000, 90_000]
                             from sort in (string[])["newest", "budget", "deadline"]
                             let filters = new[] { c is null ? null : "category=" + c, r is null ? null : Region(r)[1..],
                                                   min is null ? null : $"minBudget={min}", "sort=" + sort }
                             select "/api/jobs?" + string.Join('&', filters.OfType<string>())],
        };
        var random = new Random(1);
        foreach (var (name, list) in lists)
        {
            var shuffled = list.Distinct().OrderBy(_ => random.Next()).ToList();
            File.WriteAllLines(Path.Combine(folder, name + ".txt"), shuffled);
            Console.WriteLine($"{name}: {shuffled.Count:N0} requests");
        }
    }

    /// <summary>
    /// Words people would type, from the generator's own vocabulary: the products, and two to four characters of a kanji
    /// or katakana run of the titles and descriptions, held by at least 0.2% and at most 60% of a sample of the generated
    /// jobs; the <paramref name="take"/> most frequent.
    /// </summary>
    public static List<string> CommonWords(int take)
    {
        var now = DateTimeOffset.UtcNow;
        var sample = Jobs(20_000, now, Businesses(now)).Select(j => SearchText.Normalize(j.Title + "\n" + j.Description)).ToList();
        var texts = Kinds.SelectMany(k => k.Titles).Concat(Sentences).Concat(Products).Select(t => t.Replace("{0}", "\n"));
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var run in ScriptRuns(text))
                for (var length = 2; length <= 4; length++)
                    for (var at = 0; at + length <= run.Length; at++)
                        candidates.Add(run.Substring(at, length));
        candidates.UnionWith(Products);
        return candidates
            .Select(w => (Word: w, Documents: sample.Count(t => t.Contains(SearchText.Normalize(w), StringComparison.Ordinal))))
            .Where(w => w.Documents >= sample.Count / 500 && w.Documents <= sample.Count * 6 / 10)
            .OrderByDescending(w => w.Documents).ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(take).Select(w => w.Word).ToList();
    }

    /// <summary>Runs of kanji, and runs of katakana (with ー): where the content words are.</summary>
    private static IEnumerable<string> ScriptRuns(string text)
    {
        static int Script(char c) => c switch
        {
            >= '\u30A0' and <= '\u30FF' => 2,
            >= '\u4E00' and <= '\u9FFF' or '々' => 3,
            _ => 0,
        };
        var run = new StringBuilder();
        var script = 0;
        foreach (var c in text)
        {
            var s = Script(c);
            if (s != script && run.Length > 0)
            {
                if (script != 0) yield return run.ToString();
                run.Clear();
            }
            script = s;
            run.Append(c);
        }
        if (run.Length > 0 && script != 0) yield return run.ToString();
    }
}
