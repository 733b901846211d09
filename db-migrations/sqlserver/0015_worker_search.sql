-- no-transaction
-- Issue 12: full-text search over worker profiles, and the job files and Q&A a visitor may read.
--
-- This script makes full-text indexes, which SQL Server refuses inside a user transaction: the migrator runs it as
-- 0009 says (batches one by one outside a transaction, the journal row after the last); the script makes everything
-- before its COMMIT one transaction itself, and its full-text statements come after it, each skipped when done.

IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') <> 1
    THROW 51000, N'0015 needs SQL Server full-text search (the Full-Text and Semantic Extractions for Search feature).', 1;
SET XACT_ABORT ON;
BEGIN TRANSACTION;

-- Each worker profile's place in the full-text index: doc_id is worker_fts' rowid. The tokens are made in C#
-- (Jobs/SearchText.cs, the job search's tokeniser: NFKC, case folded, katakana as hiragana, CJK bigrams, Latin words)
-- and written by UpdateWorkerProfile in the same transaction as the profile. Profiles written before this script are
-- tokenised at start-up (Workers/WorkerSearchIndex.BackfillAsync): SQL cannot make the tokens. doc_id is numbered by
-- the table, as SQLite numbers a rowid.
CREATE TABLE worker_search (
    doc_id    bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    worker_id nvarchar(32) NOT NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_worker_search_worker ON worker_search (worker_id);

-- The index holds its own copy of the tokens (profiles are few and short; ranking reads them back by rowid): the bio,
-- the skills, the region's words, and the region's facet keys (r<prefecture> r<region>, as job_search_content spells
-- them) so that a prefecture filter is one posting list. The API writes it as it writes FTS5's table; the full-text
-- index over its columns (below) splits on the API's spaces, as job_fts' does (0009).
CREATE TABLE worker_fts (
    rowid  bigint NOT NULL CONSTRAINT pk_worker_fts PRIMARY KEY,
    bio    nvarchar(max) NOT NULL,
    skills nvarchar(max) NOT NULL,
    region nvarchar(max) NOT NULL,
    facets nvarchar(max) NOT NULL
);

-- Which of a job's reference files a visitor may download: the business chooses per file, and a file is not public
-- unless it says so (a quotation or a customer list attached for bidders should not reach search engines by default).
-- PUBLIC is a reserved word in T-SQL: the column is named in double quotes here, and SQL that names it must quote it
-- too ("public" is the same column on SQLite and PostgreSQL).
ALTER TABLE files ADD "public" bit NOT NULL DEFAULT 0;
GO

-- What a visitor may read of files: a public file of a job on the public board (job_public: open, not members-only)
-- whose files are not confidential. Closing the job, making it members-only or its files confidential hides them all.
CREATE VIEW file_public AS
SELECT f.id AS file_id, f.job_id FROM files f JOIN job_public p ON p.job_id = f.job_id JOIN jobs j ON j.id = f.job_id
WHERE f."public" = 1 AND j.confidential_files = 0;
GO

-- What a visitor may read of a job's questions: those answered publicly, on a job of the public board.
CREATE VIEW question_public AS
SELECT q.id AS question_id, q.job_id FROM questions q JOIN job_public p ON p.job_id = q.job_id
WHERE q.answer_public = 1;
GO

-- The open board's own full-text index: only open jobs, so that a search of the board no longer intersects its words
-- with the facet list of every open job ('sopen', about 200,000 entries at a million jobs, walked in reverse rowid
-- order on every query; README "The public board and search under load"). Its facets are c<category>, r<prefecture>
-- and r<region>, 'members' for a members-only job (a visitor's query excludes that short list: 5% of open jobs), and
-- 'open' in every row, which a query names only when it has nothing else to match (the first page of the board).
-- job_fts keeps every job for the per-row word checks of a caller's own jobs in other statuses.
CREATE VIEW job_board_content AS
SELECT s.doc_id, s.title, s.body,
       N'open c' + LOWER(j.category)
         + CASE WHEN j.members_only = 1 THEN N' members' ELSE N'' END
         + CASE WHEN s.region_key <> N'' THEN N' r' + REPLACE(s.region_key, N' ', N' r') ELSE N'' END AS facets
FROM job_search s JOIN jobs j ON j.id = s.job_id
WHERE j.status = N'open';
GO

-- FTS5's job_board_fts, as job_fts (0009), filled with the open jobs indexed before this script (FTS5's 'rebuild').
CREATE TABLE job_board_fts (
    rowid  bigint NOT NULL CONSTRAINT pk_job_board_fts PRIMARY KEY,
    title  nvarchar(max) NOT NULL,
    body   nvarchar(max) NOT NULL,
    facets nvarchar(max) NOT NULL
);
INSERT INTO job_board_fts (rowid, title, body, facets)
SELECT v.doc_id, v.title, v.body, v.facets FROM job_board_content v;
GO

-- A job enters the board index when it is written open and leaves it when its status changes; a change of category or
-- members-only moves its facets. As for job_fts, the old rows are deleted and the new ones written from the view, which
-- shows nothing of a job that is not open.
CREATE TRIGGER tr_job_search_board ON job_search AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    DELETE FROM job_board_fts WHERE rowid IN (SELECT d.doc_id FROM deleted d);
    INSERT INTO job_board_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets FROM job_board_content v WHERE v.doc_id IN (SELECT i.doc_id FROM inserted i);
END;
GO
CREATE TRIGGER tr_jobs_board ON jobs AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(status) OR UPDATE(category) OR UPDATE(members_only)) RETURN;
    DELETE f FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid WHERE s.job_id IN (SELECT d.id FROM deleted d);
    INSERT INTO job_board_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_board_content v ON v.doc_id = s.doc_id WHERE s.job_id IN (SELECT i.id FROM inserted i);
END;
GO

COMMIT TRANSACTION;
GO

-- In the catalog 0009 made, with the same settings (no stoplist, automatic and asynchronous change tracking).
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'worker_fts'))
    CREATE FULLTEXT INDEX ON worker_fts (bio LANGUAGE 0, skills LANGUAGE 0, region LANGUAGE 0, facets LANGUAGE 0)
    KEY INDEX pk_worker_fts ON search
    WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
GO
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'job_board_fts'))
    CREATE FULLTEXT INDEX ON job_board_fts (title LANGUAGE 0, body LANGUAGE 0, facets LANGUAGE 0)
    KEY INDEX pk_job_board_fts ON search
    WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
