-- Issue 24: a task job's close pays each worker the approved items in one release, and issues that worker's documents
-- (its invoice or receipt to the business, the operator's fee invoice, the withholding notice) as a contract's release
-- does. Such a document belongs to the task job's job, not to a contract: exactly one of contract_id and job_id is set.
-- One document of a kind per job and payee (each worker paid is its own payee), as 0037/0038 keep one per contract and
-- payee, and per milestone.
--
-- SQLite cannot drop a NOT NULL, so the table is made again as SQLite's documentation describes (create, copy, drop,
-- rename), with 0012's columns, 0038's milestone_id, then job_id and the CHECK; then every index of 0012/0037/0038 and
-- both triggers again. Only documents.corrects_id references documents (the new table's own reference, by name, is
-- to itself once renamed), and no view reads it, so the rebuild works inside the migration's transaction.
CREATE TABLE documents_0045 (
    id              TEXT NOT NULL PRIMARY KEY,
    contract_id     TEXT NULL REFERENCES contracts (id),
    kind            TEXT NOT NULL,
    issuer          TEXT NOT NULL,
    number          INTEGER NOT NULL,
    issued_at       TEXT NOT NULL,
    recipient_id    TEXT NOT NULL REFERENCES users (id),
    payee_id        TEXT NULL REFERENCES users (id),
    amount          INTEGER NOT NULL,
    consumption_tax INTEGER NULL,
    withholding_tax INTEGER NOT NULL,
    qualified       INTEGER NOT NULL,
    corrects_id     TEXT NULL REFERENCES documents (id),
    body            TEXT NOT NULL,
    milestone_id    TEXT NULL REFERENCES milestones (id),
    job_id          TEXT NULL REFERENCES jobs (id),
    CONSTRAINT ck_documents_contract_or_job
        CHECK ((contract_id IS NOT NULL AND job_id IS NULL) OR (contract_id IS NULL AND job_id IS NOT NULL))
);
INSERT INTO documents_0045 (id, contract_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, consumption_tax,
                            withholding_tax, qualified, corrects_id, body, milestone_id, job_id)
SELECT id, contract_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, consumption_tax,
       withholding_tax, qualified, corrects_id, body, milestone_id, NULL FROM documents;
DROP TABLE documents;
ALTER TABLE documents_0045 RENAME TO documents;
CREATE UNIQUE INDEX ux_documents_issuer_number ON documents (issuer, number);
-- A contract's own documents: one of a kind per contract and payee (0037), outside its milestones (0038).
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind, payee_id)
    WHERE corrects_id IS NULL AND milestone_id IS NULL AND contract_id IS NOT NULL;
CREATE UNIQUE INDEX ux_documents_one_per_milestone_kind ON documents (milestone_id, kind) WHERE corrects_id IS NULL AND milestone_id IS NOT NULL;
-- A task job's: one of a kind per job and worker paid.
CREATE UNIQUE INDEX ux_documents_one_per_job_kind ON documents (job_id, kind, payee_id) WHERE corrects_id IS NULL AND job_id IS NOT NULL;
CREATE INDEX ix_documents_contract ON documents (contract_id, id);
CREATE INDEX ix_documents_job ON documents (job_id, id);
CREATE INDEX ix_documents_recipient_kind ON documents (recipient_id, kind, issued_at);
CREATE INDEX ix_documents_payee_kind ON documents (payee_id, kind, issued_at);
CREATE TRIGGER tr_documents_no_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are never changed once issued'); END;
CREATE TRIGGER tr_documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END;
