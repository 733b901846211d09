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

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="destination"/> while the app goes on serving, with
    /// SQLite's online backup API: all pages are copied in one step under one read transaction, so the copy is the
    /// database as of one commit (in WAL mode writers go on meanwhile). A file copy would miss what is still in the
    /// -wal file and could catch the main file half-checkpointed. The copy is written beside the destination and moved
    /// into place when complete, so a failed backup never leaves a half-written file under the name one restores from.
    /// </summary>
    public async Task BackupAsync(string destination, CancellationToken ct = default)
    {
        if (Provider != "sqlite") throw new NotSupportedException($"Backups of {Provider} are the database server's own.");
        var source = Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
        var target = Path.GetFullPath(destination);
        // Opening a missing file would create an empty database and "back up" nothing.
        if (!File.Exists(source)) throw new FileNotFoundException($"There is no database at {source}.", source);
        if (string.Equals(source, target, StringComparison.Ordinal))
            throw new InvalidOperationException("The backup would overwrite the database it copies; name another file.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var from = (SqliteConnection)await OpenAsync(ct))
        // Not pooled: the file must be closed before it is moved into place.
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            // The pages carry the source's WAL setting; a backup is one self-contained file, so it keeps a rollback
            // journal (start-up switches the restored database back to WAL).
            await to.ExecuteAsync("PRAGMA journal_mode = DELETE;");
        }
        File.Move(partial, target, overwrite: true);
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
            SqlMapper.RemoveTypeMap(typeof(DateOnly));
            SqlMapper.RemoveTypeMap(typeof(DateOnly?));
            SqlMapper.AddTypeHandler(new DayHandler());
        }
    }
}
