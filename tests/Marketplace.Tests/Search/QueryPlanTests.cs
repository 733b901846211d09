using System.Reflection;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>
/// Every listing query is a keyset page read from an index in the order of its ORDER BY: SQLite (the bundled
/// engine, 3.53) must plan it without sorting all matches in a temporary B-tree and without scanning a table. The queries are
/// the handlers' own SQL constants, found by reflection: a new listing (a constant with ORDER BY) is checked too.
/// </summary>
[SqliteOnly("SQLite's query planner (PostgresQueryPlanTests checks PostgreSQL's)")]
public sealed class QueryPlanTests
{
    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={TemplateDatabase.NewCopy()};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The SQL constants of the API that run on SQLite: every listing query, and the other reads kept beside their
    /// handlers. A class written for another engine (<see cref="SqlForAttribute"/>: PostgreSQL's or SQL Server's text
    /// search) is that engine's plan test's.
    /// </summary>
    public static IEnumerable<TestCaseData> Listings() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => SqlForAttribute.RunsOn(t, DatabaseEngine.Sqlite))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
                .Select(f => (Name: $"{t.FullName!.Replace("Marketplace.", "").Replace('+', '.')}.{f.Name}", Sql: (string)f.GetRawConstantValue()!)))
            .Where(q => q.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal))
            .OrderBy(q => q.Name)
            .Select(q => new TestCaseData(q.Sql).SetName($"The plan of {q.Name} reads an index in order"));

    [TestCaseSource(nameof(Listings))]
    public void A_listing_query_neither_sorts_every_match_nor_scans_a_table(string sql)
    {
        using var connection = Open();
        var plan = Plan(connection, sql);
        TestContext.Out.WriteLine(string.Join("\n", plan));
        Assert.That(Problems(plan), Is.Empty, string.Join("\n", plan));
    }

    [Test]
    public void Every_query_that_orders_rows_is_a_constant_the_plan_test_checks()
    {
        // A listing written inline in a handler would escape the plan check: ORDER BY belongs in a const.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Marketplace.sln"))) root = root.Parent!;
        // The one exception: recommending workers ranks every profile by a computed score, by design, in one query
        // (README "Benchmark": 10,000 profiles in about 30 ms).
        string[] exempt = ["RecommendWorkers.cs"];
        var inline = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root.FullName, "api"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !exempt.Contains(Path.GetFileName(f))))
        {
            var text = File.ReadAllText(file);
            foreach (Match literal in Regex.Matches(text, "(\"\"\".*?\"\"\"|\"(?:[^\"\\\n]|\\.)*\")", RegexOptions.Singleline))
            {
                // A query: a SELECT with an ORDER BY (a dialect's message that names ORDER BY is not one).
                if (!literal.Value.Contains("ORDER BY", StringComparison.Ordinal) || !literal.Value.Contains("SELECT", StringComparison.Ordinal)) continue;
                var statementStart = text.LastIndexOf(';', literal.Index) + 1;
                if (!text[statementStart..literal.Index].Contains("const string", StringComparison.Ordinal))
                    inline.Add($"{Path.GetFileName(file)}: {literal.Value.Trim('"').Trim()[..Math.Min(60, literal.Value.Trim('"').Trim().Length)]}");
            }
        }
        Assert.That(inline, Is.Empty);
    }

    [Test]
    public void Every_listing_of_the_issue_is_among_the_checked_queries()
    {
        var names = Listings().Select(c => c.TestName!).ToArray();
        foreach (var listing in new[]
                 {
                     "Search.Fts5.BoardSql", "Search.Fts5.BoardWindowSql", "Search.Fts5.BoardCountSql", "Search.JobQuery.BoardByBudget",
                     "Search.JobQuery.BoardByDeadline", "Search.Fts5.JobsOfBusinessSql", "Search.Fts5.JobsBidOnBySql", "Bids.ListMyBids.Sql",
                     "Bids.ListJobBids.AllSql", "Contracts.ListContracts.OfBusiness", "Contracts.ListContracts.OfWorker",
                     "Notifications.ListNotifications.AllSql", "Notifications.ListNotifications.UnreadOnlySql", "Money.GetStatement.EntriesSql", "Workers.SearchWorkers.Everyone",
                     "Search.Fts5.ProfilesSql", "Search.Fts5.ProfileWindowSql", "Search.Fts5.BoardNewerSql", "Producers.ListMyInvitations.Sql", "Money.ListPayments.Sql",
                     "Producers.GetPipeline.JobsSql", "Producers.GetPipeline.DueSql", "Notifications.RemindDeadlines.DueSql",
                 })
            Assert.That(names, Has.Some.Contains(listing + " "));
        Assert.That(names, Has.None.Contains("PostgresTextSearch").And.None.Contains("SqlServerFullText"), "another engine's statements");
    }

    [Test]
    public void The_check_catches_an_OR_of_visibility_rules_and_an_unindexed_sort()
    {
        // Today's shape before the rewrite: one WHERE with the open-or-audience rule, sorted by id.
        const string before = """
            SELECT j.* FROM jobs j
            WHERE (j.status = 'open' OR j.business_id = @Me OR EXISTS (SELECT 1 FROM bids vb WHERE vb.job_id = j.id AND vb.worker_id = @Me))
              AND (@Status IS NULL OR j.status = @Status)
            ORDER BY j.id DESC LIMIT @Take
            """;
        using var connection = Open();
        Assert.That(Problems(Plan(connection, before)), Is.Not.Empty);
        Assert.That(Problems(Plan(connection, "SELECT n.id FROM notifications n WHERE n.kind = @Kind ORDER BY n.created_at LIMIT 5")),
            Has.Some.Contains("TEMP B-TREE").And.Some.EqualTo("SCAN n"));
        // The full-text index read without a MATCH is a scan of every document; bm25's order sorts every match.
        Assert.That(Problems(Plan(connection, "SELECT f.rowid FROM job_fts f WHERE f.body = @Body ORDER BY f.rowid DESC LIMIT 5")),
            Has.Some.StartsWith("SCAN f VIRTUAL TABLE"));
        Assert.That(Problems(Plan(connection, "SELECT f.rowid FROM job_fts f WHERE job_fts MATCH @Match ORDER BY bm25(job_fts) LIMIT 5")),
            Has.Some.Contains("TEMP B-TREE"));
    }

    /// <summary>
    /// A sort of every match, or a scan of a table. Two scans are reads of an index: an FTS5 table's "scan" whose index
    /// plan holds M (its MATCH: posting lists, read in rowid order when the plan says so), and a scan of a subquery
    /// (its own lines are checked; the board's count reads a subquery that stops at a LIMIT).
    /// </summary>
    private static IEnumerable<string> Problems(IEnumerable<string> plan) =>
        plan.Where(line => line.Contains("USE TEMP B-TREE", StringComparison.Ordinal)
                           || (Regex.IsMatch(line, @"^SCAN \w+( |$)")
                               && !Regex.IsMatch(line, @"VIRTUAL TABLE INDEX \d+:[^ ]*M")
                               && !Regex.IsMatch(line, @"^SCAN SUBQUERY \d+$")));

    private static List<string> Plan(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        // Dapper expands "IN @List" into a list of parameters; one stands for it here.
        command.CommandText = "EXPLAIN QUERY PLAN " + Regex.Replace(sql, @"IN (@\w+)", "IN ($1)");
        // Values do not change SQLite's plan without statistics (the product never runs ANALYZE); the driver wants each bound.
        foreach (var name in Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
            command.Parameters.AddWithValue(name, name is "@Take" ? 21 : "x");
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(3));
        return lines;
    }
}
