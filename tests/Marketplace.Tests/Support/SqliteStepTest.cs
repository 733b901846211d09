using Marketplace.Migrations;
using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>
/// A test of one SQLite migration step, on a file of its own: migrated to the step before, given rows as the schema then
/// stood, taken through the step, and read back. SQLite rebuilds a table to change a column, which is where such a step
/// can lose or alter what it copies.
/// </summary>
public abstract class SqliteStepTest
{
    private string _path = "";

    /// <summary>Begins the file's name, for whoever looks into the folder after a failure.</summary>
    protected abstract string FileName { get; }

    /// <summary>Whether the test's own connections check foreign keys, as the API's do.</summary>
    protected virtual bool ForeignKeys => false;

    [SetUp]
    public void NewDatabase()
    {
        Directory.CreateDirectory(TemplateDatabase.Folder);
        _path = Path.Combine(TemplateDatabase.Folder, FileName + "-" + Guid.NewGuid().ToString("N") + ".db");
    }

    protected SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False" + (ForeignKeys ? ";Foreign Keys=True" : ""));
        connection.Open();
        return connection;
    }

    protected void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Applies every SQLite step up to and including <paramref name="lastVersion"/>, as the API's start does.</summary>
    protected void MigrateTo(int lastVersion) =>
        new Migrator("sqlite", () => new SqliteConnection($"Data Source={_path};Pooling=False"))
            .Apply(MigrationScript.For("sqlite").Where(s => s.Version <= lastVersion).ToList());
}
