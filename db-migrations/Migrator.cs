using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Migrations;

/// <summary>One numbered script, e.g. <c>0001_initial.sql</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout with CRLF is not a "change".</summary>
    public string Checksum =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The scripts of one provider (<c>sqlite</c> or <c>sqlserver</c>), embedded in this assembly, in order.</summary>
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
        Execute(connection, null, JournalDdl);

        var applied = 0;
        foreach (var script in scripts)
        {
            // The journal is read inside the script's transaction: a second instance starting at the same
            // time waits for the first (SQLite's IMMEDIATE transaction, SQL Server's applock) and then skips.
            using var transaction = connection.BeginTransaction();
            if (provider == "sqlserver")
                Execute(connection, transaction, "EXEC sp_getapplock @Resource = 'schema_migrations', @LockMode = 'Exclusive', @LockOwner = 'Transaction';");
            var recorded = Scalar(connection, transaction, "SELECT checksum FROM schema_migrations WHERE version = @version", script.Version);
            if (recorded is string checksum)
            {
                transaction.Rollback();
                if (!string.Equals(checksum, script.Checksum, StringComparison.OrdinalIgnoreCase))
                    throw new MigrationChecksumMismatchException(script, checksum);
                continue;
            }

            foreach (var batch in Batches(script.Sql))
                Execute(connection, transaction, batch);
            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @appliedAt)";
                Add(record, "@version", script.Version);
                Add(record, "@name", script.Name);
                Add(record, "@checksum", script.Checksum);
                Add(record, "@appliedAt", DateTimeOffset.UtcNow.ToString("O"));
                record.ExecuteNonQuery();
            }
            transaction.Commit();
            applied++;
            log?.Invoke($"Applied migration {script.Version:D4}_{script.Name}");
        }
        return applied;
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
        "sqlserver" => """
            IF OBJECT_ID(N'schema_migrations', N'U') IS NULL
            CREATE TABLE schema_migrations (
                version INT NOT NULL PRIMARY KEY,
                name NVARCHAR(200) NOT NULL,
                checksum CHAR(64) NOT NULL,
                applied_at NVARCHAR(40) NOT NULL)
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
