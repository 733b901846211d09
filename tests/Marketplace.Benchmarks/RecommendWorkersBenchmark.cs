using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Bogus;
using Dapper;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Producers;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

// bench/search.sh makes its databases with seed-board TARGET JOBS and its request lists with bench-queries FOLDER (BoardData.cs).
if (args is ["seed-board", var boardPath, var boardJobs])
{
    BoardData.Seed(boardPath, int.Parse(boardJobs, System.Globalization.CultureInfo.InvariantCulture));
    return;
}
if (args is ["bench-queries", var queriesFolder])
{
    BoardData.WriteQueries(queriesFolder);
    return;
}
if (args is ["time-board", var timedPath])
{
    await BoardTimings.Run(timedPath);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(RecommendWorkersBenchmark).Assembly).Run(args);

/// <summary>
/// Ranking workers for a job on a database of 10,000 worker profiles (1–4 skills each), 600 contracts
/// (half of them active load) and their reviews: the "must stay fast with 10,000 workers".
/// Run: dotnet run -c Release --project tests/Marketplace.Benchmarks -- --filter '*'
/// </summary>
[MemoryDiagnoser]
public class RecommendWorkersBenchmark
{
    [Params(1_000, 10_000)]
    public int Workers { get; set; }

    private string _path = "";
    private RecommendWorkers.Handler _handler = null!;
    private string _jobId = "";

    [GlobalSetup]
    public void Seed()
    {
        _path = Path.Combine(Path.GetTempPath(), $"bench-{Workers}-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = $"Data Source={_path}",
        }).Build();
        var db = new Db(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        db.Migrate();

        Randomizer.Seed = new Random(7);
        var faker = new Faker("ja");
        string[] regions = ["秋田県湯沢市", "秋田県横手市", "長野県塩尻市", "長野県茅野市", "山形県酒田市"];
        string[] skills = ["design", "illustration", "translation", "english", "transcription", "writing", "dataEntry", "デザイン", "翻訳", "photo"];
        var now = DateTimeOffset.UtcNow;
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        var business = TimeOrderedId.New();
        connection.Execute("INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES (@Id, 'b@x', 'B', 'business', '-', @Now)",
            new { Id = business, Now = now }, tx);
        var workerIds = new List<string>();
        for (var i = 0; i < Workers; i++)
        {
            var id = TimeOrderedId.New();
            workerIds.Add(id);
            connection.Execute("INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES (@Id, @Email, @Name, 'worker', '-', @Now)",
                new { Id = id, Email = $"w{i}@x", Name = faker.Name.FullName(), Now = now }, tx);
            connection.Execute("INSERT INTO worker_profiles (worker_id, bio, region, weekly_hours, availability, updated_at) VALUES (@Id, '', @Region, @Hours, '', @Now)",
                new { Id = id, Region = faker.PickRandom(regions), Hours = faker.Random.Int(0, 40), Now = now }, tx);
            foreach (var skill in faker.PickRandom(skills, faker.Random.Int(1, 4)))
                connection.Execute("INSERT INTO worker_skills (worker_id, skill) VALUES (@Id, @Skill)", new { Id = id, Skill = skill }, tx);
        }
        for (var i = 0; i < 600; i++)
        {
            var (job, bid, contract) = (TimeOrderedId.New(), TimeOrderedId.New(), TimeOrderedId.New());
            var worker = faker.PickRandom(workerIds);
            var status = i % 2 == 0 ? "completed" : "active";
            connection.Execute("""
                INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, status, created_at)
                VALUES (@Job, @Business, 't', 'd', 'design', 1, 10, @Now, @JobStatus, @Now);
                INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at)
                VALUES (@Bid, @Job, @Worker, 5, 3, 'm', 'accepted', @Now);
                INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at)
                VALUES (@Contract, @Job, @Bid, @Business, @Worker, 5, @Status, @Now, @Now);
                """, new { Job = job, Bid = bid, Contract = contract, Business = business, Worker = worker, Status = status,
                           JobStatus = status == "completed" ? "completed" : "awarded", Now = now }, tx);
            if (status == "completed")
                connection.Execute("INSERT INTO reviews (id, contract_id, reviewer_id, reviewee_id, rating, comment, created_at) VALUES (@Id, @Contract, @Business, @Worker, @Rating, '', @Now)",
                    new { Id = TimeOrderedId.New(), Contract = contract, Business = business, Worker = worker, Rating = faker.Random.Int(1, 5), Now = now }, tx);
        }
        _jobId = TimeOrderedId.New();
        connection.Execute("""
            INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, region, status, created_at)
            VALUES (@Id, @Business, 'ラベル', 'd', 'design', 1, 10, @Now, '秋田県湯沢市', 'open', @Now)
            """, new { Id = _jobId, Business = business, Now = now }, tx);
        tx.Commit();

        var caller = new Caller(new HttpContextAccessor());
        caller.ActAs(business, Role.Business);
        _handler = new RecommendWorkers.Handler(new DbSession(db), caller);
    }

    [Benchmark]
    public Task<IReadOnlyList<RecommendedWorker>> Top20() => _handler.Handle(new RecommendWorkers.Query(_jobId, 20), CancellationToken.None);

    [GlobalCleanup]
    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*")) File.Delete(file);
    }
}
