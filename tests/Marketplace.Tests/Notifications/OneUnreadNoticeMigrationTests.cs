using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>
/// 0050_one_unread_notice_per_thread on SQLite: a team message's notice gets its team from its event key; of the unread
/// notices a reader had of one thread before runs were one notice, the newest stays unread and the others are read at its
/// time (another reader's, another thread's and the already read are left as they were); after it, a second unread notice
/// of a thread is refused.
/// </summary>
[SqliteOnly("SQLite's step 0050 on a SQLite file")]
public sealed class OneUnreadNoticeMigrationTests : SqliteStepTest
{
    protected override string FileName => "one-unread-notice";

    [Test]
    public void The_newest_unread_notice_of_each_thread_stays_unread_and_a_second_one_is_refused_after_the_step()
    {
        MigrateTo(49);
        Execute("""
            INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES
                ('b', 'b@x', 'B', 'business', '-', 't'), ('w', 'w@x', 'W', 'worker', '-', 't'), ('v', 'v@x', 'V', 'worker', '-', 't');
            INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, status, created_at)
            VALUES ('j', 'b', 't', 'd', 'design', 1, 10, 't', 'awarded', 't'), ('j2', 'b', 't', 'd', 'design', 1, 10, 't', 'awarded', 't');
            INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at)
            VALUES ('bid', 'j', 'w', 5, 1, 'm', 'accepted', 't'), ('bid2', 'j2', 'w', 5, 1, 'm', 'accepted', 't');
            INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at)
            VALUES ('c', 'j', 'bid', 'b', 'w', 5, 'active', 't', 't'), ('c2', 'j2', 'bid2', 'b', 'w', 5, 'active', 't', 't');
            INSERT INTO teams (id, name, description, region, skills, director_id, created_at) VALUES ('team', 'T', '', '', '', 'w', 't');
            INSERT INTO team_messages (id, team_id, sender_id, body, created_at) VALUES ('m1', 'team', 'w', 'a', 't'), ('m2', 'team', 'w', 'b', 't');
            INSERT INTO notifications (id, user_id, kind, message, contract_id, event_key, created_at, read_at) VALUES
                ('n0', 'b', 'messageReceived', '', 'c', 'message:0', '2026-12-01T00:00:00+00:00', '2026-12-01T01:00:00+00:00'),
                ('n1', 'b', 'messageReceived', '', 'c', 'message:1', '2026-12-02T00:00:00+00:00', NULL),
                ('n2', 'b', 'messageReceived', '', 'c', 'message:2', '2026-12-03T00:00:00+00:00', NULL),
                ('n3', 'b', 'messageReceived', '', 'c', 'message:3', '2026-12-04T00:00:00+00:00', NULL),
                ('n4', 'w', 'messageReceived', '', 'c', 'message:4', '2026-12-02T00:00:00+00:00', NULL),
                ('n5', 'b', 'messageReceived', '', 'c2', 'message:5', '2026-12-02T00:00:00+00:00', NULL);
            INSERT INTO notifications (id, user_id, kind, message, event_key, created_at, read_at) VALUES
                ('t1', 'v', 'teamMessageReceived', '', 'team-message:m1', '2026-12-05T00:00:00+00:00', NULL),
                ('t2', 'v', 'teamMessageReceived', '', 'team-message:m2', '2026-12-06T00:00:00+00:00', NULL);
            """);

        MigrateTo(50);

        string? ReadAt(string id) => Scalar($"SELECT read_at FROM notifications WHERE id = '{id}'") as string;
        Assert.That(new[] { "n0", "n1", "n2", "n3", "n4", "n5" }.Select(ReadAt), Is.EqualTo(new[]
        {
            "2026-12-01T01:00:00+00:00", "2026-12-04T00:00:00+00:00", "2026-12-04T00:00:00+00:00", null, null, null,
        }), "the thread's newest stays unread, the older ones are read at its time; another reader's and another thread's stay");
        Assert.That(Scalar("SELECT COUNT(*) FROM notifications WHERE team_id = 'team' AND kind = 'teamMessageReceived'"), Is.EqualTo(2L));
        Assert.That((ReadAt("t1"), ReadAt("t2")), Is.EqualTo(("2026-12-06T00:00:00+00:00", (string?)null)));

        Assert.That(() => Execute("""
            INSERT INTO notifications (id, user_id, kind, message, contract_id, event_key, created_at)
            VALUES ('n6', 'b', 'messageReceived', '', 'c', 'message:6', 't')
            """), Throws.InstanceOf<SqliteException>().With.Message.Contains("UNIQUE"), "one unread notice per reader and thread");
        Assert.That(() => Execute("""
            INSERT INTO notifications (id, user_id, kind, message, team_id, event_key, created_at)
            VALUES ('t3', 'v', 'teamMessageReceived', '', 'team', 'team-message:m3', 't')
            """), Throws.InstanceOf<SqliteException>().With.Message.Contains("UNIQUE"), "and per reader and team thread");
        Execute("UPDATE notifications SET read_at = 't' WHERE id = 'n3'");
        Execute("""
            INSERT INTO notifications (id, user_id, kind, message, contract_id, event_key, created_at)
            VALUES ('n6', 'b', 'messageReceived', '', 'c', 'message:6', 't')
            """);
    }
}
