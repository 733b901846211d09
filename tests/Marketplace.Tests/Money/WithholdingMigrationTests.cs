using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>
/// 0023_withholding_outside_escrow: contracts awarded before the step keep the escrow basis they were asked for (the
/// tax in it) and are flagged so that their release gives it back; tax that earlier releases credited to a business's
/// withholding account goes back to the business, which remits it itself; the ledger takes the new kind and stays
/// append-only.
/// </summary>
[SqliteOnly("SQLite's step 0023 on a SQLite file")]
public sealed class WithholdingMigrationTests : SqliteStepTest
{
    protected override string FileName => "withholding";

    [Test]
    public void Earlier_contracts_keep_the_tax_in_escrow_and_withheld_tax_the_platform_held_goes_back_to_the_business()
    {
        MigrateTo(22);
        Execute("""
            INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES
                ('b', 'b@x', 'B', 'business', '-', 't'), ('w', 'w@x', 'W', 'worker', '-', 't');
            INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, status, created_at)
            SELECT c.column1, 'b', 't', 'd', 'design', 1, 60000, 't', 'awarded', 't' FROM (VALUES ('open'), ('released'), ('untaxed')) c;
            INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at)
            SELECT id, id, 'w', 50000, 1, 'm', 'accepted', 't' FROM jobs;
            INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at, platform_fee,
                                   withholding_tax, withholds, closed_by) VALUES
                ('open', 'open', 'open', 'b', 'w', 50000, 'active', 't', 't', 5000, 5105, 1, NULL),
                ('released', 'released', 'released', 'b', 'w', 50000, 'completed', 't', 't', 5000, 5105, 1, 'acceptance'),
                ('untaxed', 'untaxed', 'untaxed', 'b', 'w', 50000, 'active', 't', 't', 5000, 0, 0, NULL);
            INSERT INTO ledger_transactions (id, event_key, kind, contract_id, description, created_at) VALUES
                ('t1', 'fund:p1', 'escrowFunded', 'released', 'd', '2026-10-01T00:00:00.0000000Z'),
                ('t2', 'release:released', 'escrowReleased', 'released', 'd', '2026-10-02T00:00:00.0000000Z');
            INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at) VALUES
                ('e1', 't1', 'business:b', -50000, 't'), ('e2', 't1', 'escrow:released', 50000, 't'),
                ('e3', 't2', 'escrow:released', -50000, 't'), ('e4', 't2', 'worker:w', 39895, 't'),
                ('e5', 't2', 'platform', 5000, 't'), ('e6', 't2', 'withholding:b', 5105, 't');
            """);

        MigrateTo(23);

        Assert.That(Scalar("SELECT COUNT(*) FROM contracts WHERE withholding_in_escrow = 1"), Is.EqualTo(2), "the two that withheld");
        Assert.That(Scalar("SELECT withholding_in_escrow FROM contracts WHERE id = 'untaxed'"), Is.Zero);
        Assert.That(Scalar("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account = 'withholding:b'"), Is.Zero);
        Assert.That(Scalar("SELECT SUM(amount) FROM ledger_entries WHERE account = 'business:b'"), Is.EqualTo(-44_895),
            "the ¥5,105 came back: the business paid ¥50,000 with the tax it remits");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'withholdingReturned' AND event_key = 'withholding-return:b'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'escrowReleased' AND id = 't2'"), Is.EqualTo(1), "kinds kept");
        Assert.That(Scalar("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"), Is.Zero, "the ledger still balances");
        Assert.That(() => Execute("UPDATE ledger_transactions SET kind = 'payoutPaid' WHERE id = 't1'"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("append-only"));
        Assert.That(() => Execute("INSERT INTO ledger_transactions (id, event_key, description, created_at) VALUES ('y', 'k2', 'd', 't')"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("states its kind"));
    }
}
