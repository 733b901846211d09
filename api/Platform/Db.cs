using Dapper;
using Marketplace.Migrations;
using Microsoft.Data.Sqlite;

namespace Marketplace.Platform;

/// <summary>
/// The one place that knows the database provider: it opens connections and names the dialect.
/// Handlers never see it: they read and write through the request's <see cref="DbSession"/>.
/// </summary>
public sealed class Db
{
    public Db(IConfiguration configuration, IHostEnvironment environment)
    {
        Provider = (configuration["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant();
        Dialect = Provider switch
        {
            "sqlite" => new SqliteDialect(),
            "sqlserver" => throw new InvalidOperationException(
                "Database:Provider 'sqlserver' is not supported by this build yet: SQL Server arrives in its own issue. Use 'sqlite'."),
            _ => throw new InvalidOperationException($"Database:Provider must be 'sqlite' (got '{Provider}')."),
        };
        ConnectionString = configuration.GetConnectionString("Marketplace") is { Length: > 0 } configured
            ? configured
            : DefaultSqliteConnectionString(environment);
        SqliteSetup.Once();
    }

    public string Provider { get; }
    public SqlDialect Dialect { get; }
    public string ConnectionString { get; }

    public async Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        // Per-connection settings: SQLite forgets them when a connection closes.
        await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    public int Migrate(Action<string>? log = null)
    {
        if (Provider == "sqlite") EnsureFolder();
        var applied = new Migrator(Provider, () => new SqliteConnection(ConnectionString), log).Apply();
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        // WAL lets readers go on while one writer commits; the setting is stored in the file.
        connection.Execute("PRAGMA journal_mode = WAL;");
        return applied;
    }

    private void EnsureFolder()
    {
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    private static string DefaultSqliteConnectionString(IHostEnvironment environment)
    {
        var path = Path.Combine(environment.ContentRootPath, "data", "marketplace.db");
        return new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Private }.ToString();
    }

    private static class SqliteSetup
    {
        private static int _done;

        public static void Once()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            SQLitePCL.Batteries_V2.Init();
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            // Dapper's built-in type map wins over a handler when writing parameters (DapperLib/Dapper#206, #1780):
            // without removing it, times would be bound in the driver's format with the caller's offset.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new UtcTextDateTimeOffsetHandler());
        }
    }
}
