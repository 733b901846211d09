using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Migrations;

/// <summary>One numbered script, e.g. <c>0001_initial.sql</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>
    /// Whether the script runs in one transaction with its journal row (every script, unless its first line is
    /// <c>-- no-transaction</c>: SQL Server refuses CREATE FULLTEXT CATALOG/INDEX inside a user transaction).
    /// </summary>
    public bool InTransaction => !Sql.TrimStart().StartsWith("-- no-transaction", StringComparison.OrdinalIgnoreCase);

    /// <summary>SHA-256 of the script with line endings normalised, so a checkout with CRLF is not a "change".</summary>
    public string Checksum =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The scripts of one provider (<c>sqlite</c>, <c>postgres</c> or <c>sqlserver</c>), embedded in this assembly, in order.</summary>
    public static IReadOnlyList<MigrationScript> For(string provider)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = provider + "/";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Parse(n[prefix.Length..], Read(assembly, n)))
            .OrderBy(s => s.Version)
            .ToList();
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two {provider} migrations share version {duplicate.Key}.");
        return scripts;
    }

    private static MigrationScript Parse(string fileName, string sql)
    {
        var match = Regex.Match(fileName, @"^(\d+)_(.+)\.sql$");
        if (!match.Success)
            throw new InvalidOperationException($"Migration '{fileName}' must be named NNNN_description.sql.");
        return new MigrationScript(int.Parse(match.Groups[1].Value), match.Groups[2].Value, sql);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>An applied script's text no longer matches what ran: the schema on disk is not what the code says.</summary>
public sealed class MigrationChecksumMismatchException(MigrationScript script, string appliedChecksum)
    : Exception(
        $"Migration {script.Version:D4}_{script.Name}.sql was changed after it was applied " +
        $"(applied checksum {appliedChecksum}, file checksum {script.Checksum}). " +
        "Applied migrations are forward-only: restore the original script and add a new numbered script for the change.")
{
    public MigrationScript Script { get; } = script;
}

/// <summary>
/// Applies forward-only scripts, each in its own transaction, and records every applied script with its
/// checksum in <c>schema_migrations</c>. Running it again applies nothing and only verifies checksums.
/// </summary>
public sealed class Migrator(string provider, Func<DbConnection> connect, Action<string>? log = null)
{
    public int Apply() => Apply(MigrationScript.For(provider));

    public int Apply(IReadOnlyList<MigrationScript> scripts)
    {
        using var connection = connect();
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        // One migrating instance at a time: the server engines hold a lock of the session for the whole run (a second
        // node starting at the same time waits here, then finds every script applied); SQLite's IMMEDIATE transaction
        // per script does the same.
        if (provider == "postgres") Execute(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})");
        if (provider == "sqlserver")
            Execute(connection, null, "EXEC sp_getapplock @Resource = 'schema_migrations', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1;");
        try
        {
            Execute(connection, null, JournalDdl);
            var applied = 0;
            foreach (var script in scripts)
                if (ApplyOne(connection, script)) applied++;
            return applied;
        }
        finally
        {
            if (provider == "postgres") Execute(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})");
            if (provider == "sqlserver") Execute(connection, null, "EXEC sp_releaseapplock @Resource = 'schema_migrations', @LockOwner = 'Session';");
        }
    }

    /// <summary>The advisory lock's key on PostgreSQL: any number the application uses for nothing else.</summary>
    private const long AdvisoryLockKey = 7_336_412_019;

    private bool ApplyOne(DbConnection connection, MigrationScript script)
    {
        using (var check = connection.BeginTransaction())
        {
            var recorded = Scalar(connection, check, "SELECT checksum FROM schema_migrations WHERE version = @version", script.Version);
            if (recorded is string checksum)
            {
                check.Rollback();
                if (!string.Equals(checksum.Trim(), script.Checksum, StringComparison.OrdinalIgnoreCase))
                    throw new MigrationChecksumMismatchException(script, checksum.Trim());
                return false;
            }
            if (script.InTransaction)
            {
                // The journal was read inside the script's own transaction (SQLite's IMMEDIATE transaction holds the
                // write lock from here on), so the script and its journal row commit together or not at all.
                foreach (var batch in Batches(script.Sql)) Execute(connection, check, batch);
                Record(connection, check, script);
                check.Commit();
                log?.Invoke($"Applied migration {script.Version:D4}_{script.Name}");
                return true;
            }
            check.Rollback();
        }
        // A script the engine refuses to run inside a transaction (SQL Server's CREATE FULLTEXT INDEX) says so in its
        // first line; it runs batch by batch, then is recorded. The session lock still keeps other instances out.
        foreach (var batch in Batches(script.Sql)) Execute(connection, null, batch);
        using (var record = connection.BeginTransaction())
        {
            Record(connection, record, script);
            record.Commit();
        }
        log?.Invoke($"Applied migration {script.Version:D4}_{script.Name} (outside a transaction)");
        return true;
    }

    private void Record(DbConnection connection, DbTransaction transaction, MigrationScript script)
    {
        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @appliedAt)";
        Add(record, "@version", script.Version);
        Add(record, "@name", script.Name);
        Add(record, "@checksum", script.Checksum);
        // SQLite keeps times as text; the server engines have a type for them.
        Add(record, "@appliedAt", provider == "sqlite" ? DateTimeOffset.UtcNow.ToString("O") : DateTimeOffset.UtcNow);
        record.ExecuteNonQuery();
    }

    private string JournalDdl => provider switch
    {
        "sqlite" => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                checksum TEXT NOT NULL,
                applied_at TEXT NOT NULL)
            """,
        "postgres" => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer NOT NULL PRIMARY KEY,
                name text NOT NULL,
                checksum char(64) NOT NULL,
                applied_at timestamptz NOT NULL)
            """,
        "sqlserver" => """
            IF OBJECT_ID(N'schema_migrations', N'U') IS NULL
            CREATE TABLE schema_migrations (
                version INT NOT NULL PRIMARY KEY,
                name NVARCHAR(200) NOT NULL,
                checksum CHAR(64) NOT NULL,
                applied_at DATETIMEOFFSET(7) NOT NULL)
            """,
        _ => throw new InvalidOperationException($"Unknown database provider '{provider}'."),
    };

    /// <summary>SQL Server scripts separate batches with GO lines; SQLite runs a whole script as one command.</summary>
    private IEnumerable<string> Batches(string sql) => provider == "sqlserver"
        ? Regex.Split(sql, @"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Where(b => !string.IsNullOrWhiteSpace(b))
        : [sql];

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection connection, DbTransaction transaction, string sql, int version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Add(command, "@version", version);
        return command.ExecuteScalar();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
