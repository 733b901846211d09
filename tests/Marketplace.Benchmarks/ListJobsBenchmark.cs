using BenchmarkDotNet.Attributes;
using Bogus;
using Dapper;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

/// <summary>
/// The job listing (GET /api/jobs) as a user feels it: one request through the real handler, on its own
/// <see cref="DbSession"/> (a pooled connection opened and closed per request, as the API does), against 10,000 and
/// 100,000 jobs. A keyset page reads an index in order, so a page should cost the same whatever the table size; the
/// query before the rewrite (3dd4164) runs beside it as the baseline.
/// Data (Bogus, fixed seed): 1,000 businesses, one of them with 100 jobs; 2,000 workers bidding 0–6 times per job,
/// skewed so that the busiest (the benchmarks' worker) bid on ~6% of all jobs (642 of 10,000, 6,589 of 100,000);
/// ~80% of jobs open, the others awarded, completed or cancelled; a producer with active links to 3 businesses.
/// Run: dotnet run -c Release --project tests/Marketplace.Benchmarks -- --filter '*ListJobs*' --job short
/// </summary>
[MemoryDiagnoser]
public class ListJobsBenchmark
{
    [Params(10_000, 100_000)]
    public int Jobs { get; set; }

    private const int Businesses = 1_000;
    private const int Workers = 2_000;
    private const int BusyBusinessJobs = 100;
    private const int DeepPage = 200;

    /// <summary>Fixed, so that a run reproduces the same data.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Regions = ["秋田県湯沢市", "長野県塩尻市", "長野県立科町", "山形県酒田市", "長崎県西海市"];

    private static readonly Dictionary<string, string[]> Titles = new()
    {
        ["design"] = ["ロゴデザインの制作", "道の駅のチラシ作成", "ECサイトのバナー制作", "商品パッケージのデザイン", "名刺とショップカードのデザイン"],
        ["translation"] = ["観光パンフレットの英訳", "商品説明の日英翻訳", "Webサイトの多言語化（英語・中国語）", "取扱説明書の翻訳", "インバウンド向けメニューの翻訳"],
        ["transcription"] = ["インタビュー音声の文字起こし", "会議録音のテキスト化", "セミナー動画の字幕作成", "座談会の書き起こし"],
        ["writing"] = ["地域特産品の紹介記事", "移住者インタビュー記事の執筆", "ブログ記事の作成（月4本）", "採用ページの原稿作成", "SNS投稿文の作成"],
        ["dataEntry"] = ["アンケート結果の入力", "名刺データの入力", "商品マスタの登録作業", "紙の台帳のデータ化"],
        ["other"] = ["Excel集計表の整備", "ネットショップの商品撮影補助", "オンライン予約の受付代行", "簡単なリサーチ業務"],
    };

    private static readonly string[] Sentences =
    [
        "湯沢市の小さな酒蔵からのご依頼です。", "塩尻のワイナリーと共同で企画しています。", "酒田港の朝市の告知に使います。",
        "ふるさと納税の返礼品ページに掲載します。", "町の観光協会が発注者です。", "作業量の目安は一日二時間ほどです。",
        "参考になるサイトのURLをお送りします。", "素材の写真はこちらで用意します。", "文字数はおよそ二千字です。",
        "ご提案の際は作業日数も書いてください。", "分からない点は一緒に相談しながら進めましょう。", "お見積りは税込みでお願いします。",
        "地元の農家さんと一緒に進めているプロジェクトです。", "納品形式はご相談ください。", "初めての方も歓迎します。",
        "完成イメージの資料はお渡しします。", "修正は二回までを想定しています。", "継続してお願いできる方を探しています。",
        "在宅で作業していただけます。", "質問があればお気軽にメッセージをください。", "過去の実績があれば応募時に教えてください。",
        "観光シーズン前に公開したいと考えています。", "細かい指示はチャットでお伝えします。", "締め切りの延長はできません。",
    ];

    private string _path = "";
    private Db _db = null!;
    private IConfiguration _configuration = null!;
    private Caller _worker = null!;
    private Caller _producer = null!;
    private Caller _business = null!;
    private string _deepCursor = "";

    [GlobalSetup]
    public void Seed()
    {
        _path = Path.Combine(Path.GetTempPath(), $"bench-jobs-{Jobs}-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = $"Data Source={_path}",
        }).Build();
        _configuration = configuration;
        _db = new Db(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        _db.Migrate();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var data = Generate();
        var generated = clock.Elapsed;
        var generatedCpu = Environment.CpuUsage.TotalTime - cpu;
        using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            connection.Open();
            // One transaction of ~400,000 rows: with SQLite's default 2 MB page cache it would spill to the WAL
            // again and again while the indexes grow.
            connection.Execute("PRAGMA cache_size = -262144;");
            using var tx = connection.BeginTransaction();
            // Dapper runs each list on one command, which Microsoft.Data.Sqlite prepares once; times go through
            // the API's DateTimeOffset handler (registered by new Db(...)), so they are stored as the API stores them.
            connection.Execute("""
                INSERT INTO users (id, email, display_name, role, password_hash, created_at)
                VALUES (@Id, @Email, @Name, @Role, '-', @CreatedAt)
                """, data.Users, tx);
            connection.Execute("""
                INSERT INTO producer_links (id, business_id, producer_id, can_post_jobs, can_award, fee_rate_bps, status, created_at)
                VALUES (@Id, @BusinessId, @ProducerId, 1, 1, 1000, @Status, @CreatedAt)
                """, data.Links, tx);
            connection.Execute("""
                INSERT INTO jobs (id, business_id, producer_id, title, description, category, budget_min, budget_max, deadline,
                                  region, producer_review, status, created_at)
                VALUES (@Id, @BusinessId, @ProducerId, @Title, @Description, @Category, @BudgetMin, @BudgetMax, @Deadline,
                        @Region, @ProducerReview, @Status, @CreatedAt)
                """, data.Jobs, tx);
            // The search index, as PostJob writes it (the triggers fill job_fts).
            connection.Execute(JobSearchIndex.InsertSql, data.Jobs.Select(j => JobSearchIndex.Row(j.Id, j.Title, j.Description, j.Region)), tx);
            connection.Execute("""
                INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at)
                VALUES (@Id, @JobId, @WorkerId, @Amount, @DeliveryDays, @Message, @Status, @CreatedAt)
                """, data.Bids, tx);
            connection.Execute("""
                INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, producer_id, amount, status, deadline, created_at, completed_at)
                VALUES (@Id, @JobId, @BidId, @BusinessId, @WorkerId, @ProducerId, @Amount, @Status, @Deadline, @CreatedAt, @CompletedAt)
                """, data.Contracts, tx);
            tx.Commit();
        }
        var seeded = clock.Elapsed;
        var seededCpu = Environment.CpuUsage.TotalTime - cpu;

        _worker = Acting(data.BusiestWorker, Role.Worker);
        _producer = Acting(data.Producer, Role.Producer);
        _business = Acting(data.BusyBusiness, Role.Business);

        using var check = new SqliteConnection($"Data Source={_path}");
        check.Open();
        // Page 200's cursor is the id of the last job of page 199, newest first.
        _deepCursor = Paging.Encode(check.QuerySingle<string>(
            "SELECT id FROM jobs WHERE status = 'open' ORDER BY id DESC LIMIT 1 OFFSET @Skip", new { Skip = (DeepPage - 1) * Paging.DefaultLimit - 1 }));
        var walked = Walk(DeepPage - 1);
        if (walked != _deepCursor) throw new InvalidOperationException("Walking 199 pages did not reach the computed cursor of page 200.");
        var workerBids = check.QuerySingle<int>("SELECT COUNT(*) FROM bids WHERE worker_id = @Id", new { Id = data.BusiestWorker });
        var open = check.QuerySingle<int>("SELECT COUNT(*) FROM jobs WHERE status = 'open'");
        var clientJobs = check.QuerySingle<int>(
            "SELECT COUNT(*) FROM jobs j JOIN producer_clients pc ON pc.business_id = j.business_id WHERE pc.producer_id = @Id", new { Id = data.Producer });
        Console.WriteLine($"// Seeded {Jobs:N0} jobs ({open:N0} open), {data.Bids.Count:N0} bids, {data.Contracts.Count:N0} contracts in {seeded.TotalSeconds:F1} s " +
                          $"({generated.TotalSeconds:F1} s of it generating; {seededCpu.TotalSeconds:F1} s of CPU, {generatedCpu.TotalSeconds:F1} s generating); " +
                          $"the worker bid on {workerBids:N0} jobs, the producer's 3 clients have {clientJobs:N0} jobs, the business {BusyBusinessJobs}.");
        // Every scenario must read a full page, else it measures less than a user sees.
        var pages = new (string Name, JobPage Page)[]
        {
            ("before", OpenFirstPage_Before().GetAwaiter().GetResult()), ("open", OpenFirstPage().GetAwaiter().GetResult()),
            ("page 200", OpenPage200().GetAwaiter().GetResult()), ("worker", WorkerAnyStatus().GetAwaiter().GetResult()),
            ("producer", ProducerMine().GetAwaiter().GetResult()), ("business", BusinessMine().GetAwaiter().GetResult()),
            ("translation", OpenTranslation().GetAwaiter().GetResult()),
        };
        foreach (var (name, page) in pages)
            if (page.Items.Count != Paging.DefaultLimit || page.NextCursor is null)
                throw new InvalidOperationException($"The {name} page holds {page.Items.Count} jobs.");
        if (!pages[0].Page.Items.Select(j => j.Id).SequenceEqual(pages[1].Page.Items.Select(j => j.Id)))
            throw new InvalidOperationException("The query before the rewrite and the handler disagree on the first page.");
        Console.WriteLine("// The worker's page without a status: " +
                          string.Join(", ", pages[3].Page.Items.GroupBy(j => j.Status).Select(g => $"{g.Count()} {WireName.Of(g.Key)}")));
        if (Environment.GetEnvironmentVariable("BENCH_PLANS") == "1") PrintPlans(check);
    }

    /// <summary>Today's SQL before the rewrite (3dd4164: ListJobs with JobSql.Select, JobSql.VisibleTo and ProducerSql.ActsFor written out).</summary>
    private const string BeforeRewrite = """
        SELECT j.id, j.business_id, u.display_name AS business_name, j.producer_id, j.title, j.description, j.category,
               j.budget_min, j.budget_max, j.deadline, j.region, j.producer_review, j.status, j.created_at,
               (SELECT COUNT(*) FROM bids b WHERE b.job_id = j.id AND b.status <> 'withdrawn') AS bid_count
        FROM jobs j JOIN users u ON u.id = j.business_id
        WHERE (j.status = 'open' OR j.business_id = @Me OR EXISTS (SELECT 1 FROM producer_links pl WHERE pl.business_id = j.business_id AND pl.producer_id = @Me AND pl.status = 'active')
         OR EXISTS (SELECT 1 FROM bids vb WHERE vb.job_id = j.id AND vb.worker_id = @Me))
          AND (@Status IS NULL OR j.status = @Status)
          AND (@Category IS NULL OR j.category = @Category)
          AND (@Region IS NULL OR j.region = @Region)
          AND (@MinBudget IS NULL OR j.budget_max >= @MinBudget)
          AND (@MaxBudget IS NULL OR j.budget_min <= @MaxBudget)
          AND (@Pattern IS NULL OR j.title LIKE @Pattern ESCAPE '\' OR j.description LIKE @Pattern ESCAPE '\')
          AND (@Mine = 0 OR j.business_id = @Me OR EXISTS (SELECT 1 FROM producer_links pl WHERE pl.business_id = j.business_id AND pl.producer_id = @Me AND pl.status = 'active')
               OR EXISTS (SELECT 1 FROM bids mb WHERE mb.job_id = j.id AND mb.worker_id = @Me))
          AND (@After IS NULL OR j.id < @After)
        ORDER BY j.id DESC
        LIMIT @Take
        """;

    /// <summary>(1) before the rewrite: a worker's first page of open jobs, as the old handler ran it.</summary>
    [Benchmark(Baseline = true)]
    public async Task<JobPage> OpenFirstPage_Before()
    {
        await using var connection = await _db.OpenAsync();
        var rows = await connection.QueryAsync<Job>(BeforeRewrite, new
        {
            Me = _worker.Id, Status = "open", Category = (string?)null, Region = (string?)null, MinBudget = (long?)null,
            MaxBudget = (long?)null, Pattern = (string?)null, Mine = false, After = (string?)null, Take = Paging.DefaultLimit + 1,
        });
        var page = Paging.From(rows.AsList(), Paging.DefaultLimit, j => j.Id);
        return new JobPage(page.Items, page.NextCursor);
    }

    /// <summary>(1) A worker's first page of open jobs.</summary>
    [Benchmark]
    public Task<JobPage> OpenFirstPage() => List(_worker, new ListJobs.Query { Status = "open", Limit = 20 });

    /// <summary>(2) The same, 200 pages deep.</summary>
    [Benchmark]
    public Task<JobPage> OpenPage200() => List(_worker, new ListJobs.Query { Status = "open", Limit = 20, Cursor = _deepCursor });

    /// <summary>(3) A worker's listing without a status: the open jobs and the others it bid on.</summary>
    [Benchmark]
    public Task<JobPage> WorkerAnyStatus() => List(_worker, new ListJobs.Query { Limit = 20 });

    /// <summary>(4) mine=true for a producer acting for 3 businesses.</summary>
    [Benchmark]
    public Task<JobPage> ProducerMine() => List(_producer, new ListJobs.Query { Mine = true, Limit = 20 });

    /// <summary>(5) mine=true for a business with 100 jobs.</summary>
    [Benchmark]
    public Task<JobPage> BusinessMine() => List(_business, new ListJobs.Query { Mine = true, Limit = 20 });

    /// <summary>(6) Open translation jobs.</summary>
    [Benchmark]
    public Task<JobPage> OpenTranslation() => List(_worker, new ListJobs.Query { Status = "open", Category = "translation", Limit = 20 });

    [GlobalCleanup]
    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*")) File.Delete(file);
    }

    /// <summary>One request: its own session, disposed at the end, as the API's request scope does.</summary>
    private async Task<JobPage> List(Caller caller, ListJobs.Query query)
    {
        await using var session = new DbSession(_db);
        return await new ListJobs.Handler(session, caller, TimeProvider.System, _configuration).Handle(query, CancellationToken.None);
    }

    private string Walk(int pages)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
            cursor = List(_worker, new ListJobs.Query { Status = "open", Limit = 20, Cursor = cursor }).GetAwaiter().GetResult().NextCursor
                     ?? throw new InvalidOperationException($"The open jobs end before page {i + 2}.");
        return cursor!;
    }

    /// <summary>A few hundred characters, as posted jobs are.</summary>
    private static string Description(Faker faker)
    {
        var text = new System.Text.StringBuilder();
        for (var n = faker.Random.Int(6, 16); n > 0; n--) text.Append(faker.PickRandom(Sentences));
        return text.ToString();
    }

    private static Caller Acting(string id, Role role)
    {
        var caller = new Caller(new HttpContextAccessor());
        caller.ActAs(id, role);
        return caller;
    }

    /// <summary>BENCH_PLANS=1 prints SQLite's plan of each statement the benchmarks run.</summary>
    private void PrintPlans(SqliteConnection connection)
    {
        var statements = new (string Name, string Sql)[]
        {
            ("before", BeforeRewrite),
            ("Board", Fts5.BoardSql),
            ("OfBusiness", Fts5.JobsOfBusinessSql),
            ("BidOnBy", Fts5.JobsBidOnBySql),
        };
        foreach (var (name, sql) in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var parameter in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
                command.Parameters.AddWithValue(parameter, parameter is "@Take" ? 21 : "x");
            using var reader = command.ExecuteReader();
            Console.WriteLine($"// plan of {name}:");
            while (reader.Read()) Console.WriteLine("//   " + reader.GetString(3));
        }
    }

    private sealed record UserRow(string Id, string Email, string Name, string Role, DateTimeOffset CreatedAt);
    private sealed record LinkRow(string Id, string BusinessId, string ProducerId, string Status, DateTimeOffset CreatedAt);
    private sealed record JobRow(string Id, string BusinessId, string? ProducerId, string Title, string Description, string Category,
        long BudgetMin, long BudgetMax, DateTimeOffset Deadline, string? Region, bool ProducerReview, string Status, DateTimeOffset CreatedAt);
    private sealed record BidRow(string Id, string JobId, string WorkerId, long Amount, int DeliveryDays, string Message, string Status, DateTimeOffset CreatedAt);
    private sealed record ContractRow(string Id, string JobId, string BidId, string BusinessId, string WorkerId, string? ProducerId, long Amount,
        string Status, DateTimeOffset Deadline, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

    private sealed record Data(List<UserRow> Users, List<LinkRow> Links, List<JobRow> Jobs, List<BidRow> Bids, List<ContractRow> Contracts,
        string BusiestWorker, string Producer, string BusyBusiness);

    /// <summary>
    /// TimeOrderedId.New() taken at the row's own time: ids are UUIDv7, so id order is creation order, as in production,
    /// and the jobs spread over two years instead of the milliseconds the seeding takes.
    /// </summary>
    private static string IdAt(DateTimeOffset time) => Guid.CreateVersion7(time).ToString("N");

    private Data Generate()
    {
        var faker = new Faker("ja") { Random = new Randomizer(20261101) };
        var start = Now.AddYears(-2);
        var users = new List<UserRow>();
        string NewUser(string role, int i, string name)
        {
            var created = start.AddDays(-30).AddMinutes(users.Count);
            var id = IdAt(created);
            users.Add(new UserRow(id, $"{role}{i}@example.jp", name, role, created));
            return id;
        }
        var businesses = Enumerable.Range(0, Businesses).Select(i => NewUser("business", i, faker.Company.CompanyName())).ToArray();
        var workers = Enumerable.Range(0, Workers).Select(i => NewUser("worker", i, faker.Name.FullName())).ToArray();
        var producer = NewUser("producer", 0, faker.Name.FullName());

        // The producer acts for three businesses; an ended and a pending link must not widen its listing.
        var clients = businesses[1..4];
        var links = clients.Select(b => new LinkRow(IdAt(start), b, producer, "active", start))
            .Append(new LinkRow(IdAt(start), businesses[4], producer, "ended", start))
            .Append(new LinkRow(IdAt(start), businesses[5], producer, "pending", start))
            .ToList();

        string[] categories = ["design", "translation", "transcription", "writing", "dataEntry", "other"];
        float[] categoryWeights = [0.25f, 0.2f, 0.12f, 0.22f, 0.13f, 0.08f];
        string[] statuses = ["open", "awarded", "completed", "cancelled"];
        float[] statusWeights = [0.8f, 0.08f, 0.08f, 0.04f];
        var jobs = new List<JobRow>(Jobs);
        var bids = new List<BidRow>(Jobs * 3);
        var contracts = new List<ContractRow>(Jobs / 5);
        var step = (Now - start) / Jobs;
        var busyEvery = Jobs / BusyBusinessJobs;
        var bidders = new HashSet<int>();
        for (var i = 0; i < Jobs; i++)
        {
            var created = start + step * i + TimeSpan.FromSeconds(faker.Random.Int(0, (int)step.TotalSeconds / 2));
            // Business 0 posts every busyEvery-th job (100 in all, over the whole time span); the others spread evenly.
            var business = i % busyEvery == 0 ? businesses[0] : businesses[faker.Random.Int(1, Businesses - 1)];
            var byProducer = clients.Contains(business) && faker.Random.Bool();
            var category = faker.Random.WeightedRandom(categories, categoryWeights);
            var status = faker.Random.WeightedRandom(statuses, statusWeights);
            var budgetMin = faker.Random.Int(3, 200) * 1_000L;
            var job = new JobRow(IdAt(created), business, byProducer ? producer : null,
                faker.PickRandom(Titles[category]), Description(faker),
                category, budgetMin, budgetMin * faker.Random.Int(1, 3), created.AddDays(faker.Random.Int(7, 60)),
                faker.Random.Bool(0.7f) ? faker.PickRandom(Regions) : null, byProducer && faker.Random.Bool(), status, created);
            jobs.Add(job);

            // A few bids per job; squaring the draw makes low-numbered workers bid far more often than the rest.
            bidders.Clear();
            var count = status is "awarded" or "completed" ? faker.Random.Int(1, 6) : faker.Random.Int(0, 6);
            while (bidders.Count < count) bidders.Add((int)(Workers * Math.Pow(faker.Random.Double(), 2)));
            var first = true;
            foreach (var w in bidders)
            {
                var bidTime = created.AddMinutes(faker.Random.Int(5, 3 * 24 * 60));
                if (bidTime > Now) bidTime = Now;
                var amount = faker.Random.Long(job.BudgetMin, job.BudgetMax);
                var bidStatus = status switch
                {
                    "open" => faker.Random.Bool(0.9f) ? "pending" : "withdrawn",
                    "awarded" or "completed" when first => "accepted",
                    _ => faker.Random.Bool(0.85f) ? "rejected" : "withdrawn",
                };
                var bid = new BidRow(IdAt(bidTime), job.Id, workers[w], amount, faker.Random.Int(1, 30), faker.PickRandom(Sentences), bidStatus, bidTime);
                bids.Add(bid);
                if (bidStatus == "accepted")
                {
                    var awarded = bidTime.AddDays(3) > Now ? Now : bidTime.AddDays(3);
                    contracts.Add(new ContractRow(IdAt(awarded), job.Id, bid.Id, business, bid.WorkerId, byProducer ? producer : null, amount,
                        status == "completed" ? "completed" : "active", job.Deadline, awarded, status == "completed" ? awarded.AddDays(14) : null));
                }
                first = false;
            }
        }
        // In id order, each table's primary key grows at its end, as it does in production.
        bids.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var busiest = bids.GroupBy(b => b.WorkerId).MaxBy(g => g.Count())!.Key;
        return new Data(users, links, jobs, bids, contracts, busiest, producer, businesses[0]);
    }
}
