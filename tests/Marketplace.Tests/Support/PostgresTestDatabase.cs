using System.Data.Common;
using Dapper;
using Npgsql;
using Respawn;

namespace Marketplace.Tests;

/// <summary>
/// A test host's database on a PostgreSQL server (<c>MARKETPLACE_TEST_POSTGRES</c>, which <c>./test.sh</c> sets to a
/// throwaway cluster): its own database, made from the run's migrated template database (CREATE DATABASE … TEMPLATE,
/// a copy of files on the server), and emptied before each test by Respawn's reset (jbogard/Respawn). The reset runs with
/// <c>session_replication_role = replica</c>, which skips ordinary triggers: the append-only ledger's, audit trail's and
/// documents' triggers refuse TRUNCATE and DELETE, as they must for the app. The rows a migration seeds (the operator's
/// first legal texts, the board's totals) go with the reset and are put back as the template had them, as SQLite's copy of the template keeps them.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    /// <summary>The server's connection string, as a superuser may use it to make databases; null when the run is on SQLite.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("MARKETPLACE_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    private static readonly Lazy<string> Template = new(CreateTemplate);
    private static readonly List<string> Made = [];
    private static int _count;

    private readonly string _connectionString;
    private Respawner? _respawner;

    /// <summary>
    /// The tables a migration seeds with rows the app needs: version 1 of the terms and the privacy policy, and the open
    /// board's totals (0046: one row, which the triggers only ever update).
    /// </summary>
    private static readonly string[] Seeded = ["legal_documents", "job_board_totals"];

    /// <summary>The seeded rows as the template has them, read before any test wrote.</summary>
    private readonly Dictionary<string, List<IDictionary<string, object>>> _seeds;

    public PostgresTestDatabase()
    {
        Name = $"mkt_{Environment.ProcessId}_{Interlocked.Increment(ref _count)}";
        RunOnServer($"CREATE DATABASE {Name} TEMPLATE {Template.Value}");
        lock (Made) Made.Add(Name);
        _connectionString = ConnectionString(Name);
        FilesFolder = Path.Combine(TemplateDatabase.Folder, Name + ".files");
        using var connection = Open();
        _seeds = Seeded.ToDictionary(t => t, t => connection.Query($"SELECT * FROM {t}").Select(r => (IDictionary<string, object>)r).ToList());
    }

    public string Name { get; }

    public override string FilesFolder { get; }

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "postgres",
        ["ConnectionStrings:Marketplace"] = _connectionString,
        ["Files:Folder"] = FilesFolder,
    };

    /// <summary>A pooled connection apart from the app's pool (another application name, so another pool).</summary>
    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { ApplicationName = "tests" }.ToString());
        connection.Open();
        return connection;
    }

    public override void Reset()
    {
        using (var connection = (NpgsqlConnection)Open())
        {
            connection.Execute("SET session_replication_role = replica");
            _respawner ??= Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                // The key ring stays: a host keeps the keys it read, and a second host on this database (a restart,
                // another node) must find the key that sealed the first one's cookies. calendar_months is reference
                // data its migration fills (0027), as schema_migrations is the migrator's.
                TablesToIgnore = ["schema_migrations", "data_protection_keys", "calendar_months"],
            }).GetAwaiter().GetResult();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    _respawner.ResetAsync(connection).GetAwaiter().GetResult();
                    break;
                }
                // The fixture's host (one per fixture) may still be finishing the test before's background work (a clock
                // run, an outbox's delivery) while the tables are emptied: PostgreSQL then picks one side as a deadlock
                // victim (40P01, seen once in a full run). The reset is a batch of DELETEs, so it is run again whole.
                catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
                {
                    Thread.Sleep(50 * attempt);
                }
            }
            foreach (var (table, rows) in _seeds)
            foreach (var row in rows)
                connection.Execute($"INSERT INTO {table} ({string.Join(", ", row.Keys)}) VALUES ({string.Join(", ", row.Keys.Select(k => "@" + k))})",
                    new DynamicParameters(row));
            connection.Execute("SET session_replication_role = DEFAULT");
        }
        EmptyFilesFolder();
    }

    /// <summary>Drops the databases the run made, the template last (a throwaway cluster goes with them anyway).</summary>
    public static void DropAll()
    {
        if (Server is null) return;
        NpgsqlConnection.ClearAllPools();
        string[] names;
        lock (Made) names = [.. Made];
        foreach (var name in names) RunOnServer($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        if (Template.IsValueCreated) RunOnServer($"DROP DATABASE IF EXISTS {Template.Value} WITH (FORCE)");
    }

    private static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ToString();

    private static void RunOnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ToString());
        connection.Open();
        connection.Execute(sql);
    }

    /// <summary>The run's template: a database migrated by the app's own start-up, then left with no connection (a template must have none).</summary>
    private static string CreateTemplate()
    {
        var name = $"mkt_{Environment.ProcessId}_template";
        RunOnServer($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        RunOnServer($"CREATE DATABASE {name}");
        Directory.CreateDirectory(TemplateDatabase.Folder);
        using (var app = new MarketplaceApp(new TemplateOnly(ConnectionString(name)))) _ = app.Server;
        NpgsqlConnection.ClearAllPools();
        // Start-up also made a data protection key; each host makes its own, as each installation does.
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString(name)) { Pooling = false }.ToString()))
        {
            connection.Open();
            connection.Execute("DELETE FROM data_protection_keys");
        }
        return name;
    }

    /// <summary>The template while it is migrated: never reset, never read by a test.</summary>
    private sealed class TemplateOnly(string connectionString) : TestDatabase
    {
        public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:Marketplace"] = connectionString,
            ["Files:Folder"] = FilesFolder,
        };

        public override string FilesFolder => Path.Combine(TemplateDatabase.Folder, "template-pg.files");
        public override DbConnection Open() => throw new NotSupportedException();
        public override void Reset() => throw new NotSupportedException();
    }
}
