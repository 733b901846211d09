using Microsoft.Data.Sqlite;

namespace Marketplace.Platform;

/// <summary>The database engines the product runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseEngine
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>
/// The few places the engines differ, one method per concept (the shape of YesSql's <c>ISqlDialect</c>). Handlers write
/// the SQL that SQLite, PostgreSQL and SQL Server share; what one engine spells differently is rewritten or produced here,
/// never in an <c>if</c> in a handler.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseEngine Engine { get; }

    /// <summary>
    /// Rewrites shared SQL into this engine's spelling, once per statement before it runs. Handlers end a page query with
    /// <c>LIMIT @Take</c>, compare flags with <c>TRUE</c>/<c>FALSE</c> and join text with <c>||</c>; SQL Server spells
    /// each differently (see <see cref="SqlServerDialect"/>).
    /// </summary>
    public virtual string Translate(string sql) => sql;

    /// <summary>Insert-or-update on a key; the statement sets every column in <paramref name="columns"/> from parameters of the same name.</summary>
    public virtual string Upsert(string table, string[] keyColumns, string[] columns)
    {
        var updates = columns.Except(keyColumns).Select(c => $"{c} = excluded.{c}");
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) " +
               $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    /// <summary>A unique index or primary key refused the row (a racing request wrote it first).</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>
    /// The engine gave up on the transaction because of a concurrent one (a serialization failure or a deadlock victim):
    /// running the whole command again is correct and will see the other transaction's result. SQLite never does this:
    /// its one writer at a time queues on the busy timeout instead.
    /// </summary>
    public virtual bool IsRetryable(Exception exception) => false;
}

public sealed class SqliteDialect : SqlDialect
{
    public override DatabaseEngine Engine => DatabaseEngine.Sqlite;

    // 19 is SQLITE_CONSTRAINT; 2067 and 1555 are its UNIQUE and PRIMARY KEY flavours.
    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
}

public sealed class PostgresDialect : SqlDialect
{
    public override DatabaseEngine Engine => DatabaseEngine.Postgres;

    /// <summary>
    /// A list parameter (<c>IN @Ids</c>): Dapper expands it into one parameter per item for SQLite and SQL Server, but
    /// binds it as one array for Npgsql, PostgreSQL having arrays; PostgreSQL spells that <c>= ANY(@Ids)</c>
    /// (<c>NOT IN @Ids</c>: <c>&lt;&gt; ALL(@Ids)</c>), which an empty list makes false (true), as the expansion does.
    /// </summary>
    public override string Translate(string sql) =>
        ListParameter.Replace(sql, m => m.Groups["not"].Success ? $"<> ALL({m.Groups["p"].Value})" : $"= ANY({m.Groups["p"].Value})");

    private static readonly System.Text.RegularExpressions.Regex ListParameter =
        new(@"(?<not>\bNOT\s+)?\bIN\s+(?<p>@\w+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled);

    // SQLSTATE 23505 unique_violation (PostgreSQL manual, Appendix A).
    public override bool IsUniqueViolation(Exception exception) =>
        exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    // 40001 serialization_failure (SERIALIZABLE's conflict), 40P01 deadlock_detected.
    public override bool IsRetryable(Exception exception) =>
        exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected };
}
