using System.Data.Common;
using Dapper;
using Marketplace.Migrations;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marketplace.Platform;

/// <summary>
/// The one place that knows the database engine (<c>Database:Provider</c>: <c>sqlite</c>, the embedded default;
/// <c>postgres</c>; <c>sqlserver</c>): it opens connections, applies the engine's migrations and names the dialect.
/// Handlers never see it: they read and write through the request's <see cref="DbSession"/>.
/// </summary>
public sealed class Db : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    public Db(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = (configuration["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant();
        Engine = provider switch
        {
            "sqlite" => DatabaseEngine.Sqlite,
            "postgres" or "postgresql" => DatabaseEngine.Postgres,
            "sqlserver" => DatabaseEngine.SqlServer,
            _ => throw new InvalidOperationException($"Database:Provider must be 'sqlite', 'postgres' or 'sqlserver' (got '{provider}')."),
        };
        Dialect = Engine switch
        {
            DatabaseEngine.Sqlite => new SqliteDialect(),
            DatabaseEngine.Postgres => new PostgresDialect(),
            _ => new SqlServerDialect(),
        };
        var configured = configuration.GetConnectionString("Marketplace");
        if (Engine != DatabaseEngine.Sqlite && string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException($"Database:Provider '{provider}' needs ConnectionStrings:Marketplace (see docs/configuration.md).");
        ConnectionString = configured is { Length: > 0 } ? configured : DefaultSqliteConnectionString(environment);
        if (Engine == DatabaseEngine.Postgres) _postgres = NpgsqlDataSource.Create(ConnectionString);
        TypeHandlers.Once();
    }

    public DatabaseEngine Engine { get; }

    /// <summary>The migrations folder and journal of this engine: <c>sqlite</c>, <c>postgres</c> or <c>sqlserver</c>.</summary>
    public string Provider => Engine switch
    {
        DatabaseEngine.Sqlite => "sqlite",
        DatabaseEngine.Postgres => "postgres",
        _ => "sqlserver",
    };

    public SqlDialect Dialect { get; }
    public string ConnectionString { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        switch (Engine)
        {
            case DatabaseEngine.Sqlite:
                var sqlite = new SqliteConnection(ConnectionString);
                await sqlite.OpenAsync(ct);
                // Per-connection settings: SQLite forgets them when a connection closes.
                await sqlite.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
                return sqlite;
            case DatabaseEngine.Postgres:
                return await _postgres!.OpenConnectionAsync(ct);
            default:
                var sqlServer = new SqlConnection(ConnectionString);
                await sqlServer.OpenAsync(ct);
                return sqlServer;
        }
    }

    /// <summary>
    /// An open connection, synchronously, for the few callers the framework calls synchronously (the Data Protection key
    /// ring's repository, Platform/DataProtectionKeys.cs). Everything else opens with <see cref="OpenAsync"/>.
    /// </summary>
    public DbConnection Open()
    {
        var connection = Connect();
        connection.Open();
        // Per-connection settings: SQLite forgets them when a connection closes.
        if (Engine == DatabaseEngine.Sqlite) connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    /// <summary>A new, unopened connection of this engine (the migrator opens and owns it).</summary>
    private DbConnection Connect() => Engine switch
    {
        DatabaseEngine.Sqlite => new SqliteConnection(ConnectionString),
        DatabaseEngine.Postgres => _postgres!.CreateConnection(),
        _ => new SqlConnection(ConnectionString),
    };

    public int Migrate(Action<string>? log = null)
    {
        if (Engine == DatabaseEngine.Sqlite) EnsureFolder();
        var applied = new Migrator(Provider, Connect, log).Apply();
        if (Engine == DatabaseEngine.Sqlite)
        {
            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            // WAL lets readers go on while one writer commits; the setting is stored in the file.
            connection.Execute("PRAGMA journal_mode = WAL;");
        }
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
        if (Engine != DatabaseEngine.Sqlite)
            throw new NotSupportedException($"Backups of {Provider} are the database server's own (pg_dump, BACKUP DATABASE): see docs/deployment.md.");
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

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Dapper's settings are process-wide; they are the same for every engine (the handlers look at the parameter).</summary>
    private static class TypeHandlers
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
            SqlMapper.AddTypeHandler(new TimeHandler());
            SqlMapper.RemoveTypeMap(typeof(DateOnly));
            SqlMapper.RemoveTypeMap(typeof(DateOnly?));
            SqlMapper.AddTypeHandler(new DayHandler());
            WireNameHandler.RegisterAll();
        }
    }
}
