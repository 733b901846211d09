using System.Text.RegularExpressions;
using Dapper;
using Marketplace.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Marketplace.Tests;

/// <summary>
/// Each engine has its own migration folder with the same numbered steps. SQL Server cannot run on these machines, so its
/// scripts are read by Microsoft's T-SQL parser (ScriptDom, the parser of SQL Server's own tools) and compared with the
/// schema that SQLite's scripts make; PostgreSQL's run on a real server in the PostgreSQL test runs.
/// </summary>
public sealed class MigrationStepsTests
{
    private static readonly string[] Engines = ["sqlite", "postgres", "sqlserver"];

    /// <summary>The first line that tells the migrator to run a script outside a transaction of its own.</summary>
    private const string NoTransaction = "-- no-transaction";

    private static string FileName(MigrationScript script) => $"{script.Version:D4}_{script.Name}.sql";

    public static IEnumerable<TestCaseData> SqlServerScripts() =>
        MigrationScript.For("sqlserver").Select(s => new TestCaseData(s).SetArgDisplayNames(FileName(s)));

    [Test]
    public void Every_engine_has_every_step_another_engine_has()
    {
        var steps = Engines.ToDictionary(e => e, e => MigrationScript.For(e).Select(FileName).ToHashSet());
        Assert.That(Engines.Where(e => steps[e].Count == 0), Is.Empty, "engines with no embedded scripts");
        var missing = from engine in Engines
                      from step in steps.Values.SelectMany(s => s).Distinct().Order()
                      where !steps[engine].Contains(step)
                      select $"{engine} lacks {step} (in {string.Join(", ", Engines.Where(e => steps[e].Contains(step)))})";
        Assert.That(missing, Is.Empty);
    }

    [TestCaseSource(nameof(SqlServerScripts))]
    public void A_SQL_Server_script_parses_as_T_SQL(MigrationScript script)
    {
        Parse(script, out var errors);
        Assert.That(errors.Select(e => $"{FileName(script)} line {e.Line}, column {e.Column}: {e.Message}"), Is.Empty);
    }

    /// <summary>
    /// SQL Server refuses CREATE FULLTEXT CATALOG/INDEX inside a user transaction, so such a script must say so on its
    /// first line; any other script keeps the migrator's transaction.
    /// </summary>
    [TestCaseSource(nameof(SqlServerScripts))]
    public void A_SQL_Server_script_runs_outside_a_transaction_exactly_when_it_makes_a_full_text_index(MigrationScript script)
    {
        var fullText = new FullTextStatements();
        Parse(script, out _).Accept(fullText);
        var marked = script.Sql.ReplaceLineEndings("\n").Split('\n')[0].Trim() == NoTransaction;
        Assert.That(marked, Is.EqualTo(fullText.Count > 0),
            $"{FileName(script)} makes {fullText.Count} full-text catalog(s) or index(es); its first line must be '{NoTransaction}' exactly when it makes any");
    }

    [Test]
    public void SQL_Server_scripts_make_every_table_column_view_index_and_CHECK_that_SQLite_scripts_make()
    {
        var sqlite = SqliteSchema();
        var sqlServer = SqlServerSchema();
        var differences = new List<string>();

        foreach (var (table, columns) in sqlite.Tables)
        {
            // FTS5's tables become tables keyed by rowid with FTS5's columns (0009, 0015).
            List<string> expected = sqlite.FullText.Contains(table) ? ["rowid", .. columns] : columns;
            if (!sqlServer.Tables.TryGetValue(table, out var actual))
                differences.Add($"sqlserver lacks table {table}");
            else if (!actual.SequenceEqual(expected))
                differences.Add($"sqlserver table {table} has ({string.Join(", ", actual)}), sqlite ({string.Join(", ", expected)})");
        }
        differences.AddRange(sqlServer.Tables.Keys.Except(sqlite.Tables.Keys).Select(t => $"sqlserver has table {t}, sqlite has not"));

        foreach (var (view, columns) in sqlite.Views)
        {
            if (!sqlServer.Views.TryGetValue(view, out var actual))
                differences.Add($"sqlserver lacks view {view}");
            else if (!actual.SequenceEqual(columns))
                differences.Add($"sqlserver view {view} has ({string.Join(", ", actual)}), sqlite ({string.Join(", ", columns)})");
        }
        differences.AddRange(sqlServer.Views.Keys.Except(sqlite.Views.Keys).Select(v => $"sqlserver has view {v}, sqlite has not"));

        differences.AddRange(sqlite.Indexes.Except(sqlServer.Indexes).Select(i => $"sqlserver lacks index {i}"));
        differences.AddRange(sqlServer.Indexes.Except(sqlite.Indexes).Select(i => $"sqlserver has index {i}, sqlite has not"));

        foreach (var table in sqlite.Checks.Keys.Union(sqlServer.Checks.Keys).Order())
        {
            var (expected, actual) = (sqlite.Checks.GetValueOrDefault(table), sqlServer.Checks.GetValueOrDefault(table));
            if (expected != actual) differences.Add($"sqlserver table {table} has {actual} CHECK constraint(s), sqlite {expected} (flags aside)");
        }

        // What SQLite keeps append-only or immutable by a trigger, SQL Server refuses by a trigger of the same name.
        differences.AddRange(sqlite.Triggers.Where(t => t.EndsWith("_no_update") || t.EndsWith("_no_delete"))
            .Except(sqlServer.Triggers).Select(t => $"sqlserver lacks trigger {t}"));

        Assert.That(differences, Is.Empty);
    }

    private static TSqlFragment Parse(MigrationScript script, out IList<ParseError> errors)
    {
        using var reader = new StringReader(script.Sql);
        return new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out errors);
    }

    /// <summary>
    /// What a schema has, for comparing engines: tables and views with their columns in order, index names, the number
    /// of CHECK constraints of each table (SQLite's flag checks, x IN (0, 1), aside: flags are bit), trigger names, and
    /// which tables are FTS5's.
    /// </summary>
    private sealed record Schema(
        Dictionary<string, List<string>> Tables, Dictionary<string, List<string>> Views, HashSet<string> Indexes,
        Dictionary<string, int> Checks, HashSet<string> Triggers, HashSet<string> FullText);

    private sealed record SqliteObject(string Type, string Name, string Sql);

    /// <summary>The schema the SQLite scripts make, read from a database the real migrator built.</summary>
    private static Schema SqliteSchema()
    {
        Directory.CreateDirectory(TemplateDatabase.Folder);
        var path = Path.Combine(TemplateDatabase.Folder, "steps-" + Guid.NewGuid().ToString("N") + ".db");
        var connectionString = $"Data Source={path};Pooling=False";
        try
        {
            new Migrator("sqlite", () => new SqliteConnection(connectionString)).Apply();
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            var objects = connection.Query<SqliteObject>(
                "SELECT type, name, COALESCE(sql, '') AS sql FROM sqlite_master WHERE name NOT LIKE 'sqlite%' AND name <> 'schema_migrations'").AsList();
            var fullText = objects.Where(o => o.Sql.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase))
                .Select(o => o.Name).ToHashSet();
            // FTS5 keeps each index in shadow tables named after it (job_fts_data, job_fts_idx...): they are its own.
            var tables = objects.Where(o => o.Type == "table" && !fullText.Any(f => o.Name.StartsWith(f + "_", StringComparison.Ordinal))).ToList();
            List<string> Columns(string name) =>
                connection.Query<string>("SELECT name FROM pragma_table_info(@name) ORDER BY cid", new { name }).AsList();
            return new Schema(
                tables.ToDictionary(t => t.Name, t => Columns(t.Name)),
                objects.Where(o => o.Type == "view").ToDictionary(v => v.Name, v => Columns(v.Name)),
                objects.Where(o => o.Type == "index" && o.Sql.Length > 0).Select(o => o.Name).ToHashSet(),
                tables.Where(t => !fullText.Contains(t.Name)).ToDictionary(t => t.Name, t => ChecksIn(t.Sql).Count(c => !IsFlagCheck(c))),
                objects.Where(o => o.Type == "trigger").Select(o => o.Name).ToHashSet(),
                fullText);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The expressions of the CHECK constraints in a CREATE TABLE statement (SQLite keeps added columns in it).</summary>
    private static IEnumerable<string> ChecksIn(string createTable)
    {
        foreach (Match check in Regex.Matches(createTable, @"\bCHECK\s*\(", RegexOptions.IgnoreCase))
        {
            var depth = 0;
            for (var i = check.Index + check.Length - 1; i < createTable.Length; i++)
            {
                depth += createTable[i] switch { '(' => 1, ')' => -1, _ => 0 };
                if (depth != 0) continue;
                yield return createTable[(check.Index + check.Length)..i].Trim();
                break;
            }
        }
    }

    private static bool IsFlagCheck(string expression) => Regex.IsMatch(expression, @"^\w+\s+IN\s*\(\s*0\s*,\s*1\s*\)$", RegexOptions.IgnoreCase);

    /// <summary>The schema the SQL Server scripts make, replayed statement by statement from their parse trees.</summary>
    private static Schema SqlServerSchema()
    {
        var tables = new Dictionary<string, List<string>>();
        var views = new Dictionary<string, List<string>>();
        var indexes = new HashSet<string>();
        var checks = new Dictionary<string, List<string?>>(); // each table's CHECKs by name (null when unnamed)
        var triggers = new HashSet<string>();

        void AddChecks(string table, IEnumerable<ConstraintDefinition> constraints)
        {
            foreach (var check in constraints.OfType<CheckConstraintDefinition>())
                (checks.TryGetValue(table, out var list) ? list : checks[table] = []).Add(check.ConstraintIdentifier?.Value);
        }

        foreach (var script in MigrationScript.For("sqlserver"))
        {
            var statements = ((TSqlScript)Parse(script, out _)).Batches.SelectMany(b => b.Statements);
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case CreateTableStatement create:
                        var table = create.SchemaObjectName.BaseIdentifier.Value;
                        tables[table] = create.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value).ToList();
                        AddChecks(table, create.Definition.ColumnDefinitions.SelectMany(c => c.Constraints).Concat(create.Definition.TableConstraints));
                        break;
                    case AlterTableAddTableElementStatement add:
                        var altered = add.SchemaObjectName.BaseIdentifier.Value;
                        tables[altered].AddRange(add.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));
                        AddChecks(altered, add.Definition.ColumnDefinitions.SelectMany(c => c.Constraints).Concat(add.Definition.TableConstraints));
                        break;
                    case AlterTableDropTableElementStatement drop:
                        var from = drop.SchemaObjectName.BaseIdentifier.Value;
                        foreach (var element in drop.AlterTableDropTableElements)
                        {
                            if (element.TableElementType == TableElementType.Column) tables[from].Remove(element.Name.Value);
                            else checks.GetValueOrDefault(from)?.Remove(element.Name.Value);
                        }
                        break;
                    case CreateIndexStatement index:
                        indexes.Add(index.Name.Value);
                        break;
                    case DropIndexStatement dropIndex:
                        foreach (var clause in dropIndex.DropIndexClauses.OfType<DropIndexClause>()) indexes.Remove(clause.Index.Value);
                        break;
                    case CreateViewStatement view:
                        views[view.SchemaObjectName.BaseIdentifier.Value] = ColumnsOf(view.SelectStatement.QueryExpression);
                        break;
                    case DropViewStatement dropView:
                        foreach (var name in dropView.Objects) views.Remove(name.BaseIdentifier.Value);
                        break;
                    case CreateTriggerStatement trigger:
                        triggers.Add(trigger.Name.BaseIdentifier.Value);
                        break;
                }
            }
        }
        return new Schema(tables, views, indexes, checks.ToDictionary(c => c.Key, c => c.Value.Count), triggers, []);
    }

    /// <summary>A view's column names: each select element's alias, or the name of the column it selects.</summary>
    private static List<string> ColumnsOf(QueryExpression query) => query switch
    {
        BinaryQueryExpression union => ColumnsOf(union.FirstQueryExpression),
        QueryParenthesisExpression parenthesis => ColumnsOf(parenthesis.QueryExpression),
        QuerySpecification select => select.SelectElements.Select(e => e switch
        {
            SelectScalarExpression { ColumnName: { } alias } => alias.Value,
            SelectScalarExpression { Expression: ColumnReferenceExpression column } => column.MultiPartIdentifier.Identifiers[^1].Value,
            _ => "(" + e.GetType().Name + ")",
        }).ToList(),
        _ => ["(" + query.GetType().Name + ")"],
    };

    private sealed class FullTextStatements : TSqlFragmentVisitor
    {
        public int Count { get; private set; }
        public override void Visit(CreateFullTextCatalogStatement node) => Count++;
        public override void Visit(CreateFullTextIndexStatement node) => Count++;
    }
}
