using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Npgsql;

namespace Marketplace.Tests;

/// <summary>
/// PostgreSQL's side of <see cref="QueryPlanTests"/>: every listing and search statement that runs on PostgreSQL (the
/// shared SQL constants with an ORDER BY, and every SELECT constant of search, PostgreSQL's text search included) must
/// be servable by an index: its plan has no sequential scan of jobs, bids, contracts or the ledger's tables.
///
/// The question asked is what indexes CAN serve, not what the planner prefers on some data: the plan is the generic one
/// (no parameter values, which a page query does not know in advance either) with <c>enable_seqscan = off</c>, so the
/// planner takes a sequential scan only where no index can do the work. A database seeded until the planner prefers
/// indexes on its own would need hundreds of thousands of rows per table, minutes of a shared two-core machine, and its
/// verdict would move with the statistics; a table small enough to read whole is rightly scanned.
///
/// It runs when the suite runs on PostgreSQL (<see cref="TestDatabase.Engine"/>: <c>MARKETPLACE_TEST_POSTGRES</c> names a
/// server), on a database of its own made from the run's migrated template.
/// </summary>
public sealed class PostgresQueryPlanTests
{
    /// <summary>The tables a page must never read whole: they grow with every job, bid, contract and payment.</summary>
    private static readonly string[] Big = ["jobs", "bids", "contracts", "ledger_transactions", "ledger_entries"];

    /// <summary>The types a parameter that first stands in "@X IS NULL" is declared as, in turn, until the statement prepares.</summary>
    private static readonly string[] Guesses = ["text", "boolean", "bigint", "timestamptz"];

    private PostgresTestDatabase? _database;

    /// <summary>
    /// The SQL constants that run on PostgreSQL (a class written for another engine, <see cref="SqlForAttribute"/>, is
    /// left out) and that read a page: a listing (ORDER BY) or a statement of search.
    /// </summary>
    public static IEnumerable<TestCaseData> Statements() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => SqlForAttribute.RunsOn(t, DatabaseEngine.Postgres))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
                .Select(f => (Type: t, Name: $"{t.FullName!.Replace("Marketplace.", "").Replace('+', '.')}.{f.Name}", Sql: (string)f.GetRawConstantValue()!)))
            .Where(q => q.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)
                        && (q.Sql.Contains("ORDER BY", StringComparison.Ordinal) || q.Type.Namespace == "Marketplace.Search"))
            .OrderBy(q => q.Name)
            .Select(q => new TestCaseData(q.Sql).SetName($"PostgreSQL can serve {q.Name} from indexes"));

    /// <summary>A migrated database of the run's PostgreSQL server, as a test host gets (dropped with the others at the run's end).</summary>
    [OneTimeSetUp]
    public void TakeADatabase()
    {
        if (TestDatabase.Engine == DatabaseEngine.Postgres) _database = new PostgresTestDatabase();
    }

    [TestCaseSource(nameof(Statements))]
    public void A_page_never_reads_a_big_table_whole(string sql)
    {
        if (_database is null) Assert.Ignore("PostgreSQL only: the suite runs on PostgreSQL when MARKETPLACE_TEST_POSTGRES names a server.");
        var plan = Plan(sql);
        TestContext.Out.WriteLine(plan.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Assert.That(SeqScans(plan), Is.Empty);
    }

    [Test]
    public void Every_search_statement_of_PostgreSQL_is_among_the_checked_ones()
    {
        var names = Statements().Select(c => c.TestName!).ToArray();
        foreach (var statement in new[]
                 {
                     "Search.PostgresTextSearch.BoardSql", "Search.PostgresTextSearch.BoardWindowSql", "Search.PostgresTextSearch.BoardCountSql",
                     "Search.PostgresTextSearch.BoardNewerSql", "Search.PostgresTextSearch.JobsOfBusinessSql", "Search.PostgresTextSearch.JobsBidOnBySql",
                     "Search.PostgresTextSearch.ProfilesSql", "Search.PostgresTextSearch.ProfileWindowSql", "Search.JobQuery.BoardByBudget",
                     "Search.JobQuery.BoardByDeadline", "Search.JobSearch.ByDocIds", "Bids.ListMyBids.Sql", "Contracts.ListContracts.OfWorker",
                     "Money.GetStatement.EntriesSql",
                 })
            Assert.That(names, Has.Some.Contains(statement + " "));
        Assert.That(names, Has.None.Contains(".Fts5.").And.None.Contains("SqlServerFullText"), "another engine's statements");
    }

    [Test]
    public void The_check_catches_a_statement_no_index_serves()
    {
        if (_database is null) Assert.Ignore("PostgreSQL only: the suite runs on PostgreSQL when MARKETPLACE_TEST_POSTGRES names a server.");
        Assert.That(SeqScans(Plan("SELECT j.id FROM jobs j WHERE j.description = @Text ORDER BY j.id DESC LIMIT @Take")), Is.Not.Empty);
        Assert.That(SeqScans(Plan("SELECT b.id FROM bids b WHERE b.message = @Text LIMIT @Take")), Is.Not.Empty);
        Assert.That(SeqScans(Plan("SELECT f.rowid FROM job_board_fts f WHERE f.terms @@ CAST(@Match AS tsquery) ORDER BY f.rowid DESC LIMIT @Take")),
            Is.Empty, "the full-text tables are read through their indexes, and are not among the big tables anyway");
    }

    /// <summary>
    /// The generic plan of <paramref name="sql"/>: its parameters become $n, the statement is prepared, and EXPLAIN shows
    /// what the planner would do for any values. PostgreSQL infers each parameter's type from where it first stands; one
    /// that first stands in "@X IS NULL" says nothing, and is declared as the driver would send it: text, or what fits.
    /// </summary>
    private JsonNode Plan(string sql)
    {
        var numbers = new Dictionary<string, int>();
        // Dapper expands "IN @List" into a list of parameters; one stands for it here.
        var numbered = Regex.Replace(Regex.Replace(sql, @"IN (@\w+)", "IN ($1)"), @"@(\w+)",
            m => "$" + (numbers.TryGetValue(m.Groups[1].Value, out var n) ? n : numbers[m.Groups[1].Value] = numbers.Count + 1));
        var types = Enumerable.Repeat("unknown", numbers.Count).ToArray();
        var declaredLast = -1;
        using var connection = (NpgsqlConnection)_database!.Open();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var declared = types.Length > 0 ? $" ({string.Join(", ", types)})" : "";
                using (var setup = new NpgsqlCommand(
                           $"SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off; DEALLOCATE ALL; PREPARE page{declared} AS " + numbered, connection))
                    setup.ExecuteNonQuery();
                break;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.AmbiguousParameter or PostgresErrorCodes.IndeterminateDatatype
                                              && attempt < 4 * types.Length && Regex.Match(e.MessageText, @"parameter \$(\d+)") is { Success: true } parameter)
            {
                declaredLast = int.Parse(parameter.Groups[1].Value) - 1;
                types[declaredLast] = Guesses[0];
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedFunction && declaredLast >= 0
                                              && Array.IndexOf(Guesses, types[declaredLast]) + 1 < Guesses.Length)
            {
                // The type declared last does not fit where the parameter stands later ("text = boolean"): the next guess.
                types[declaredLast] = Guesses[Array.IndexOf(Guesses, types[declaredLast]) + 1];
            }
        }
        var nulls = string.Join(", ", Enumerable.Repeat("NULL", numbers.Count));
        using var explain = new NpgsqlCommand($"EXPLAIN (FORMAT JSON) EXECUTE page{(numbers.Count > 0 ? $"({nulls})" : "")}", connection);
        return JsonNode.Parse((string)explain.ExecuteScalar()!)![0]!["Plan"]!;
    }

    /// <summary>
    /// Every read of a big table whole anywhere in the plan: a sequential scan, or an index walked from end to end (an
    /// index scan without an index condition, which enable_seqscan = off makes of a scan where the order suits it).
    /// </summary>
    private static List<string> SeqScans(JsonNode plan)
    {
        var found = new List<string>();
        void Walk(JsonNode node)
        {
            var type = node["Node Type"]?.GetValue<string>();
            var relation = node["Relation Name"]?.GetValue<string>();
            if (relation is not null && Big.Contains(relation)
                && (type == "Seq Scan" || (type is "Index Scan" or "Index Only Scan" && node["Index Cond"] is null)))
                found.Add($"{type} on {relation} ({node["Alias"]?.GetValue<string>()}){(node["Index Name"] is { } index ? " using " + index : "")}");
            foreach (var child in node["Plans"]?.AsArray() ?? []) Walk(child!);
        }
        Walk(plan);
        return found;
    }
}
