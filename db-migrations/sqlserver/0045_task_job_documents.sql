-- Issue 24: a task job's close pays each worker the approved items in one release, and issues that worker's documents
-- (its invoice or receipt to the business, the operator's fee invoice, the withholding notice) as a contract's release
-- does. Such a document belongs to the task job's job, not to a contract: exactly one of contract_id and job_id is set.
-- One document of a kind per job and payee (each worker paid is its own payee), as 0037/0038 keep one per contract and
-- payee, and per milestone. The triggers of 0012 stay as they are.

-- contract_id may now be NULL. As 0034 did for payments: its foreign key (unnamed in 0012) is dropped by the name SQL
-- Server gave it and made again, and the indexes on the column are made again around the change; the unique index is
-- made for contracts only, since SQL Server's unique index counts NULLs as equal.
DECLARE @contract_key sysname = (SELECT fk.name FROM sys.foreign_keys fk
    JOIN sys.foreign_key_columns fc ON fc.constraint_object_id = fk.object_id
    JOIN sys.columns c ON c.object_id = fc.parent_object_id AND c.column_id = fc.parent_column_id
    WHERE fk.parent_object_id = OBJECT_ID(N'documents') AND c.name = N'contract_id');
DECLARE @drop_key nvarchar(max) = N'ALTER TABLE documents DROP CONSTRAINT ' + QUOTENAME(@contract_key);
EXEC sp_executesql @drop_key;
DROP INDEX ux_documents_one_per_kind ON documents;
DROP INDEX ix_documents_contract ON documents;
ALTER TABLE documents ALTER COLUMN contract_id nvarchar(32) NULL;
ALTER TABLE documents ADD CONSTRAINT fk_documents_contract FOREIGN KEY (contract_id) REFERENCES contracts (id);
CREATE INDEX ix_documents_contract ON documents (contract_id, id);
-- A contract's own documents: one of a kind per contract and payee (0037), outside its milestones (0038).
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind, payee_id)
    WHERE corrects_id IS NULL AND milestone_id IS NULL AND contract_id IS NOT NULL;
GO

ALTER TABLE documents ADD job_id nvarchar(32) NULL REFERENCES jobs (id);
GO
ALTER TABLE documents ADD CONSTRAINT ck_documents_contract_or_job
    CHECK ((contract_id IS NOT NULL AND job_id IS NULL) OR (contract_id IS NULL AND job_id IS NOT NULL));
-- A task job's: one of a kind per job and worker paid.
CREATE UNIQUE INDEX ux_documents_one_per_job_kind ON documents (job_id, kind, payee_id) WHERE corrects_id IS NULL AND job_id IS NOT NULL;
CREATE INDEX ix_documents_job ON documents (job_id, id);
GO
