using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>A migrated database made once per run; each test host starts on a copy of it and goes back to it before each test.</summary>
public static class TemplateDatabase
{
    private static readonly Lazy<string> Template = new(Create);

    /// <summary>
    /// The run's databases and files. Where Linux offers a memory file system (/dev/shm) they live there: in WAL mode
    /// every commit syncs the file, which costs milliseconds on a disk and nothing in memory, and the suite commits tens of
    /// thousands of times. The tests are about what the app does, not about the disk keeping it.
    /// </summary>
    public static readonly string Folder = Path.Combine(
        Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "marketplace-tests-" + Environment.ProcessId);

    /// <summary>The template itself: read it, never write it.</summary>
    public static string FilePath => Template.Value;

    public static string NewCopy()
    {
        var copy = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(Template.Value, copy);
        return copy;
    }

    private static string Create()
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, "template.db");
        using (var app = new MarketplaceApp(path)) _ = app.Server; // start-up runs the migrations
        SqliteConnection.ClearAllPools(); // checkpoints the WAL into the file before it is copied
        return path;
    }
}
