using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>
/// 0045_task_job_documents on SQLite makes the documents table again (contract_id may be NULL, job_id added): a document
/// issued before the step survives it with its number, documents still never change nor go away, and a document
/// belongs to exactly one contract or one job.
/// </summary>
[SqliteOnly("SQLite's step 0045 on a SQLite file")]
public sealed class TaskJobDocumentsMigrationTests : SqliteStepTest
{
    protected override string FileName => "task-job-documents";

    protected override bool ForeignKeys => true;

    [Test]
    public void A_contract_document_issued_before_the_step_survives_it_and_documents_stay_unchangeable()
    {
        MigrateTo(44);
        Execute("""
            INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES
                ('b', 'b@x', 'B', 'business', '-', 't'), ('w', 'w@x', 'W', 'worker', '-', 't');
            INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, status, created_at)
            VALUES ('j', 'b', 't', 'd', 'design', 1, 10, 't', 'awarded', 't'), ('tj', 'b', 't', 'd', 'design', 1, 10, 't', 'completed', 't');
            INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at) VALUES ('bid', 'j', 'w', 5, 1, 'm', 'accepted', 't');
            INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at)
            VALUES ('c', 'j', 'bid', 'b', 'w', 5, 'completed', 't', 't');
            INSERT INTO documents (id, contract_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, consumption_tax,
                                   withholding_tax, qualified, body)
            VALUES ('d1', 'c', 'workerInvoice', 'w', 7, 't', 'b', 'w', 5, NULL, 0, 0, '{}');
            """);

        MigrateTo(45);

        Assert.That(Scalar("SELECT number FROM documents WHERE id = 'd1' AND contract_id = 'c' AND job_id IS NULL AND payee_id = 'w'"), Is.EqualTo(7L));
        Assert.That(() => Execute("UPDATE documents SET amount = 6 WHERE id = 'd1'"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("never changed"));
        Assert.That(() => Execute("DELETE FROM documents WHERE id = 'd1'"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("never deleted"));
        Assert.That(() => Execute("""
            INSERT INTO documents (id, contract_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, withholding_tax, qualified, body)
            VALUES ('d2', 'c', 'workerInvoice', 'w', 8, 't', 'b', 'w', 5, 0, 0, '{}')
            """), Throws.InstanceOf<SqliteException>().With.Message.Contains("UNIQUE"), "still one of a kind per contract and payee");
        Assert.That(() => Execute("""
            INSERT INTO documents (id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, withholding_tax, qualified, body)
            VALUES ('d3', 'workerInvoice', 'w', 9, 't', 'b', 'w', 5, 0, 0, '{}')
            """), Throws.InstanceOf<SqliteException>().With.Message.Contains("CHECK"), "neither a contract nor a job");
        Assert.That(() => Execute("""
            INSERT INTO documents (id, contract_id, job_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, withholding_tax, qualified, body)
            VALUES ('d4', 'c', 'tj', 'workerInvoice', 'w', 10, 't', 'b', 'w', 5, 0, 0, '{}')
            """), Throws.InstanceOf<SqliteException>().With.Message.Contains("CHECK"), "both a contract and a job");
        Execute("""
            INSERT INTO documents (id, job_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, withholding_tax, qualified, body)
            VALUES ('d5', 'tj', 'workerInvoice', 'w', 11, 't', 'b', 'w', 5, 0, 0, '{}')
            """);
        Assert.That(() => Execute("""
            INSERT INTO documents (id, job_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, withholding_tax, qualified, body)
            VALUES ('d6', 'tj', 'workerInvoice', 'w', 12, 't', 'b', 'w', 5, 0, 0, '{}')
            """), Throws.InstanceOf<SqliteException>().With.Message.Contains("UNIQUE"), "one of a kind per job and worker paid");
        Assert.That(() => Execute("""
            INSERT INTO documents (id, job_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, withholding_tax, qualified, body)
            VALUES ('d7', 'tj', 'workerInvoice', 'w', 7, 't', 'b', 'b', 5, 0, 0, '{}')
            """), Throws.InstanceOf<SqliteException>().With.Message.Contains("UNIQUE"), "numbers stay one per issuer");
        Assert.That(Scalar("PRAGMA foreign_key_check"), Is.Null, "every reference still holds");
    }
}
