using Microsoft.Data.Sqlite;

namespace Marketplace.Platform;

/// <summary>The few places SQLite and SQL Server differ. Everything else is shared SQL.</summary>
public abstract class SqlDialect
{
    /// <summary>
    /// Handlers write SQL that SQLite and SQL Server share, ending a page query with <c>LIMIT @Take</c>; a dialect
    /// that spells something differently (SQL Server: <c>OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY</c>) rewrites
    /// the statement here, once, before it runs. The other SQLite spelling handlers use is <c>COLLATE NOCASE</c>
    /// (ASCII case-insensitive skill search), which SQL Server spells with a case-insensitive collation name.
    /// </summary>
    public virtual string Translate(string sql) => sql;

    /// <summary>Insert-or-update on a key; the statement sets every column in <paramref name="columns"/>.</summary>
    public abstract string Upsert(string table, string[] keyColumns, string[] columns);

    public abstract bool IsUniqueViolation(Exception exception);
}

public sealed class SqliteDialect : SqlDialect
{
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
