using System.Data;
using System.Data.Common;
using Dapper;
using Marketplace.Migrations;
using Microsoft.Data.Sqlite;

namespace Marketplace.Platform;

/// <summary>
/// The one place that knows the database provider: it opens connections and names the dialect.
/// Handlers ask it for a connection or a transaction and write portable SQL.
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

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        // Per-connection settings: SQLite forgets them when a connection closes.
        await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. On SQLite this is BEGIN IMMEDIATE, so writers queue
    /// for the write lock up front instead of failing to upgrade a read lock half-way through.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
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
}

/// <summary>The few places SQLite and SQL Server differ. Everything else is shared SQL.</summary>
public abstract class SqlDialect
{
    /// <summary>Row limit at the end of an ORDER BY query; <paramref name="parameter"/> is e.g. <c>@take</c>.</summary>
    public abstract string Limit(string parameter);

    /// <summary>Insert-or-update on a key; the statement sets every column in <paramref name="columns"/>.</summary>
    public abstract string Upsert(string table, string[] keyColumns, string[] columns);

    public abstract bool IsUniqueViolation(Exception exception);
}

public sealed class SqliteDialect : SqlDialect
{
    public override string Limit(string parameter) => $"LIMIT {parameter}";

    public override string Upsert(string table, string[] keyColumns, string[] columns)
    {
        var updates = columns.Except(keyColumns).Select(c => $"{c} = excluded.{c}");
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) " +
               $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    // 19 is SQLITE_CONSTRAINT; 2067 and 1555 are its UNIQUE and PRIMARY KEY flavours.
    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
}

internal static class SqliteSetup
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

/// <summary>
/// SQLite has no date type: times are stored as fixed-width UTC text so that comparing text compares time.
/// Dapper leaves this to the application (DapperLib/Dapper#718).
/// </summary>
internal sealed class UtcTextDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = ToText(value);
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal),
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a time."),
    };

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, System.Globalization.CultureInfo.InvariantCulture);
}
