-- Issue 24: a task job's close pays each worker the approved items in one release, and issues that worker's documents
-- (its invoice or receipt to the business, the operator's fee invoice, the withholding notice) as a contract's release
-- does. Such a document belongs to the task job's job, not to a contract: exactly one of contract_id and job_id is set.
-- One document of a kind per job and payee (each worker paid is its own payee), as 0037/0038 keep one per contract and
-- payee, and per milestone. The triggers of 0012 stay as they are.
ALTER TABLE documents ALTER COLUMN contract_id DROP NOT NULL;
ALTER TABLE documents ADD COLUMN job_id text NULL REFERENCES jobs (id);
ALTER TABLE documents ADD CONSTRAINT ck_documents_contract_or_job
    CHECK ((contract_id IS NOT NULL AND job_id IS NULL) OR (contract_id IS NULL AND job_id IS NOT NULL));
-- A contract's own documents: one of a kind per contract and payee (0037), outside its milestones (0038).
DROP INDEX ux_documents_one_per_kind;
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind, payee_id)
    WHERE corrects_id IS NULL AND milestone_id IS NULL AND contract_id IS NOT NULL;
-- A task job's: one of a kind per job and worker paid.
CREATE UNIQUE INDEX ux_documents_one_per_job_kind ON documents (job_id, kind, payee_id) WHERE corrects_id IS NULL AND job_id IS NOT NULL;
CREATE INDEX ix_documents_job ON documents (job_id, id);
