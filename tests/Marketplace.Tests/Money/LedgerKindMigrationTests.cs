using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>
/// 0019_ledger_kinds: every ledger transaction written before the step takes its kind from its event key (a release
/// of a contract closed by a cancellation or a decision is a settlement), the ledger stays append-only, and from then
/// on a transaction must state one of the kinds the code knows.
/// </summary>
[SqliteOnly("SQLite's step 0019 on a SQLite file")]
public sealed class LedgerKindMigrationTests : SqliteStepTest
{
    protected override string FileName => "ledger-kinds";

    private string? KindOf(string eventKey)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind FROM ledger_transactions WHERE event_key = $key";
        command.Parameters.AddWithValue("$key", eventKey);
        return command.ExecuteScalar() as string;
    }

    [Test]
    public void Transactions_written_before_the_step_take_their_kind_from_their_event_key()
    {
        MigrateTo(18);
        Execute("""
            INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES
                ('b', 'b@x', 'B', 'business', '-', 't'), ('w', 'w@x', 'W', 'worker', '-', 't');
            INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, status, created_at)
            SELECT c.column1, 'b', 't', 'd', 'design', 1, 10, 't', 'awarded', 't'
            FROM (VALUES ('accepted'), ('lapsed'), ('agreed'), ('decided'), ('withdrawn')) c;
            INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at)
            SELECT id, id, 'w', 5, 1, 'm', 'accepted', 't' FROM jobs;
            INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at, closed_by) VALUES
                ('accepted', 'accepted', 'accepted', 'b', 'w', 5, 'completed', 't', 't', 'acceptance'),
                ('lapsed', 'lapsed', 'lapsed', 'b', 'w', 5, 'completed', 't', 't', 'lapse'),
                ('agreed', 'agreed', 'agreed', 'b', 'w', 5, 'cancelled', 't', 't', 'cancellation'),
                ('decided', 'decided', 'decided', 'b', 'w', 5, 'cancelled', 't', 't', 'decision'),
                ('withdrawn', 'withdrawn', 'withdrawn', 'b', 'w', 5, 'cancelled', 't', 't', 'jobCancelled');
            INSERT INTO ledger_transactions (id, event_key, contract_id, description, created_at) VALUES
                ('t1', 'fund:pay1', 'accepted', 'd', 't'),
                ('t2', 'release:accepted', 'accepted', 'd', 't'),
                ('t3', 'release:lapsed', 'lapsed', 'd', 't'),
                ('t4', 'release:agreed', 'agreed', 'd', 't'),
                ('t5', 'release:decided', 'decided', 'd', 't'),
                ('t6', 'refund:withdrawn', 'withdrawn', 'd', 't'),
                ('t7', 'adjust:change1', 'accepted', 'd', 't'),
                ('t8', 'payout:p1', NULL, 'd', 't'),
                ('t9', 'payout-paid:p1', NULL, 'd', 't'),
                ('t10', 'payout-return:p1', NULL, 'd', 't');
            """);

        MigrateTo(19);

        var expected = new Dictionary<string, string>
        {
            ["fund:pay1"] = "escrowFunded", ["release:accepted"] = "escrowReleased", ["release:lapsed"] = "escrowReleased",
            ["release:agreed"] = "escrowSettled", ["release:decided"] = "escrowSettled", ["refund:withdrawn"] = "escrowRefunded",
            ["adjust:change1"] = "escrowPartlyRefunded", ["payout:p1"] = "payoutGathered", ["payout-paid:p1"] = "payoutPaid",
            ["payout-return:p1"] = "payoutReturned",
        };
        Assert.Multiple(() =>
        {
            foreach (var (key, kind) in expected) Assert.That(KindOf(key), Is.EqualTo(kind), key);
        });
        Assert.That(() => Execute("UPDATE ledger_transactions SET kind = 'payoutPaid' WHERE id = 't1'"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("append-only"), "the fill lifted the rule only for itself");
    }

    [Test]
    public void A_transaction_must_state_a_kind_the_code_knows()
    {
        MigrateTo(int.MaxValue);
        Assert.That(() => Execute("INSERT INTO ledger_transactions (id, event_key, kind, description, created_at) VALUES ('x', 'k1', 'bonus', 'd', 't')"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("CHECK"));
        Assert.That(() => Execute("INSERT INTO ledger_transactions (id, event_key, description, created_at) VALUES ('y', 'k2', 'd', 't')"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("states its kind"));
        // Every kind the code posts is one the database accepts.
        foreach (var (kind, i) in Enum.GetValues<LedgerEntryKind>().Select((k, i) => (k, i)))
            Assert.That(() => Execute($"INSERT INTO ledger_transactions (id, event_key, kind, description, created_at) VALUES ('k{i}', 'key{i}', '{WireName.Of(kind)}', 'd', 't')"),
                Throws.Nothing, kind.ToString());
    }
}
