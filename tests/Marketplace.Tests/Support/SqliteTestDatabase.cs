using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>A test host's SQLite file, with its files folder beside it.</summary>
public sealed class SqliteTestDatabase(string path) : TestDatabase
{
    public string Path { get; } = path;

    public override string FilesFolder => Path + ".files";

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Marketplace"] = $"Data Source={Path}",
        ["Files:Folder"] = FilesFolder,
    };

    /// <summary>
    /// Pooled, apart from the app's pool (another connection string): opening a SQLite connection reads the whole schema
    /// (over 200 tables, views, indexes and triggers), about as long as a small request, and a test may read hundreds of
    /// times. The pool is cleared before the run deletes the files.
    /// </summary>
    public override DbConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=True");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Copies the template's pages into the file with SQLite's online backup API (https://www.sqlite.org/backup.html),
    /// one write transaction on the live database, rather than copying the file over it: the host keeps pooled
    /// connections open on the file (and a background service may be mid-run), and those would go on reading a deleted
    /// file or pair the new file with the old one's -wal. Through the API they simply read the template's content next.
    /// </summary>
    public override void Reset()
    {
        using (var template = new SqliteConnection($"Data Source={TemplateDatabase.FilePath};Pooling=True"))
        using (var target = (SqliteConnection)Open())
        {
            template.Open();
            using (var wait = target.CreateCommand())
            {
                // The backup waits, as the app's connections do, for a writer that still holds the file.
                wait.CommandText = "PRAGMA busy_timeout = 10000";
                wait.ExecuteNonQuery();
            }
            template.BackupDatabase(target);
        }
        EmptyFilesFolder();
    }
}
