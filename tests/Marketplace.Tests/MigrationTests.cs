using Marketplace.Migrations;
using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

public sealed class MigrationTests
{
    private string _path = "";

    [SetUp]
    public void NewDatabase()
    {
        Directory.CreateDirectory(TemplateDatabase.Folder);
        _path = Path.Combine(TemplateDatabase.Folder, "migrate-" + Guid.NewGuid().ToString("N") + ".db");
    }

    private Migrator Migrator() => new("sqlite", () => new SqliteConnection($"Data Source={_path};Pooling=False"));

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Test]
    public void Applying_twice_changes_nothing()
    {
        var scripts = MigrationScript.For("sqlite");
        Assert.That(Migrator().Apply(), Is.EqualTo(scripts.Count));
        var tables = Count("SELECT COUNT(*) FROM sqlite_master");
        Assert.That(Migrator().Apply(), Is.Zero);
        Assert.That(Count("SELECT COUNT(*) FROM sqlite_master"), Is.EqualTo(tables));
        Assert.That(Count("SELECT COUNT(*) FROM schema_migrations"), Is.EqualTo(scripts.Count));
    }

    [Test]
    public void A_script_changed_after_it_was_applied_stops_the_run_with_a_clear_message()
    {
        var scripts = MigrationScript.For("sqlite");
        Migrator().Apply(scripts);
        var edited = scripts.Select((s, i) => i == 0 ? s with { Sql = s.Sql + "\n-- edited" } : s).ToList();
        var error = Assert.Throws<MigrationChecksumMismatchException>(() => Migrator().Apply(edited))!;
        Assert.That(error.Message, Does.Contain("0001_").And.Contain("changed after it was applied"));
    }

    [Test]
    public void Line_endings_alone_are_not_a_change()
    {
        var scripts = MigrationScript.For("sqlite");
        Migrator().Apply(scripts);
        Assert.That(Migrator().Apply(scripts.Select(s => s with { Sql = s.Sql.ReplaceLineEndings("\r\n") }).ToList()), Is.Zero);
    }

    [Test]
    public void A_failing_script_leaves_no_trace()
    {
        var broken = new List<MigrationScript> { new(1, "broken", "CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);") };
        Assert.Throws<SqliteException>(() => Migrator().Apply(broken));
        Assert.That(Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'"), Is.Zero);
        Assert.That(Count("SELECT COUNT(*) FROM schema_migrations"), Is.Zero);
    }

    [Test]
    public void The_app_refuses_to_start_when_an_applied_script_was_changed()
    {
        using (var app = new MarketplaceApp(_path)) _ = app.Server;
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE schema_migrations SET checksum = 'not-the-file' WHERE version = 1";
            tamper.ExecuteNonQuery();
        }
        using var restarted = new MarketplaceApp(_path);
        var error = Assert.Catch(() => _ = restarted.Server)!;
        var inner = error as MigrationChecksumMismatchException ?? error.InnerException as MigrationChecksumMismatchException;
        Assert.That(inner ?? error, Is.InstanceOf<MigrationChecksumMismatchException>(), error.ToString());
    }
}
