using Marketplace.Migrations;
using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

[SqliteOnly("the migrator on SQLite files")]
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

    [Test]
    public void Work_stranded_in_the_review_of_a_producer_whose_link_had_ended_goes_to_its_business()
    {
        var scripts = MigrationScript.For("sqlite");
        Migrator().Apply(scripts.Where(s => s.Version < 6).ToList());
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            // Two producer-review contracts in review: one whose producer's link ended (stuck before 0006), one whose
            // producer still acts for the business.
            insert.CommandText = """
                INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES
                    ('b', 'b@x', 'B', 'business', '-', 't'), ('w', 'w@x', 'W', 'worker', '-', 't'),
                    ('gone', 'p1@x', 'P1', 'producer', '-', 't'), ('here', 'p2@x', 'P2', 'producer', '-', 't');
                INSERT INTO producer_links (id, business_id, producer_id, can_post_jobs, can_award, fee_rate_bps, status, created_at) VALUES
                    ('l1', 'b', 'gone', 1, 1, 0, 'ended', 't'), ('l2', 'b', 'here', 1, 1, 0, 'active', 't');
                INSERT INTO jobs (id, business_id, producer_id, title, description, category, budget_min, budget_max, deadline, status, created_at, producer_review) VALUES
                    ('j1', 'b', 'gone', 't', 'd', 'design', 1, 10, 't', 'awarded', 't', 1),
                    ('j2', 'b', 'here', 't', 'd', 'design', 1, 10, 't', 'awarded', 't', 1);
                INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at) VALUES
                    ('b1', 'j1', 'w', 5, 1, 'm', 'accepted', 't'), ('b2', 'j2', 'w', 5, 1, 'm', 'accepted', 't');
                INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at) VALUES
                    ('stuck', 'j1', 'b1', 'b', 'w', 5, 'inReview', 't', 't'), ('gated', 'j2', 'b2', 'b', 'w', 5, 'inReview', 't', 't');
                """;
            insert.ExecuteNonQuery();
        }
        Migrator().Apply(scripts);
        Assert.That(Count("SELECT COUNT(*) FROM contracts WHERE id = 'stuck' AND status = 'submitted'"), Is.EqualTo(1));
        Assert.That(Count("SELECT COUNT(*) FROM contracts WHERE id = 'gated' AND status = 'inReview'"), Is.EqualTo(1));
    }
}
