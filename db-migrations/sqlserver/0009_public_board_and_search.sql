-- no-transaction
-- Issue 12: the public job board and Japanese full-text search.
--
-- How this script runs: SQL Server refuses CREATE FULLTEXT CATALOG and CREATE FULLTEXT INDEX inside a user transaction
-- (error 574), so the migrator runs a script whose first line is "-- no-transaction" without a transaction of its own:
-- it runs the batches (split on GO lines) one after the other and records the script in schema_migrations after the
-- last one succeeded. The script keeps the rest of its change one transaction itself: the first batch refuses to start
-- on a server without full-text search (so that nothing is half done for that reason), then BEGIN TRANSACTION with
-- XACT_ABORT, so that an error in any batch up to the COMMIT rolls all of it back; the full-text statements come after
-- the COMMIT, each skipped when already done. Should one of them still fail, the tables stand without their full-text
-- index and the journal has no row: run the batches after the COMMIT by hand, then record the script.

IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') <> 1
    THROW 51000, N'0009 needs SQL Server full-text search (the Full-Text and Semantic Extractions for Search feature).', 1;
SET XACT_ABORT ON;
BEGIN TRANSACTION;

-- A business may keep a job off the public board: only signed-in workers (and the job's own audience) see it.
ALTER TABLE jobs ADD members_only bit NOT NULL DEFAULT 0;
GO

-- What anyone may read without signing in: open jobs that are not members-only. The public board, a job's public page,
-- its link preview and the sitemap all read through this rule (later, so does a job's public Q&A).
CREATE VIEW job_public AS
SELECT j.id AS job_id FROM jobs j WHERE j.status = N'open' AND j.members_only = 0;
GO

-- The read model gains members_only.
DROP VIEW job_details;
GO
CREATE VIEW job_details AS
SELECT j.id, j.business_id, u.display_name AS business_name, j.producer_id, j.title, j.description, j.category,
       j.budget_min, j.budget_max, j.deadline, j.region, j.producer_review, j.status, j.created_at, j.members_only,
       (SELECT COUNT_BIG(*) FROM bids b WHERE b.job_id = j.id AND b.status <> N'withdrawn') AS bid_count
FROM jobs j JOIN users u ON u.id = j.business_id;
GO

-- The search tokens of each job, made by the API (Jobs/SearchText.cs: NFKC, case folded, katakana as hiragana,
-- CJK runs as overlapping bigrams, Latin words whole) and written in the same transaction as the job.
-- doc_id comes from the job's UUIDv7 id (its 48-bit millisecond time and 12 more bits), so that the full-text index's
-- row order is the jobs' id order: a search page in newest order merges with the other id-ordered job streams.
CREATE TABLE job_search (
    doc_id     bigint NOT NULL PRIMARY KEY,
    job_id     nvarchar(32) NOT NULL REFERENCES jobs (id),
    title      nvarchar(max) NOT NULL,
    body       nvarchar(max) NOT NULL,
    region_key nvarchar(max) NOT NULL -- the region's keys, normalised: its prefecture and the whole region ('' for none)
);
CREATE UNIQUE INDEX ux_job_search_job ON job_search (job_id);
GO

-- What the full-text index holds of each job: the title and description tokens, and facet tokens for the filters
-- (s<status>, c<category>, 'members' when members-only, r<prefecture> and r<region>), so a filter is one more posting
-- list to intersect rather than a residual check on every row a word matches; a region filter that is a prefecture or
-- a whole region reads one list (any other beginning of a region is a prefix search). The facet spelling lives here.
CREATE VIEW job_search_content AS
SELECT s.doc_id, s.title, s.body,
       N's' + j.status + N' c' + LOWER(j.category)
         + CASE WHEN j.members_only = 1 THEN N' members' ELSE N'' END
         + CASE WHEN s.region_key <> N'' THEN N' r' + REPLACE(s.region_key, N' ', N' r') ELSE N'' END AS facets
FROM job_search s JOIN jobs j ON j.id = s.job_id;
GO

-- FTS5's job_fts: one row per indexed job, rowid = job_search.doc_id, with FTS5's columns, under a full-text index
-- (below). A full-text index reads the table's own columns, so the text is stored here (FTS5's table reads it from
-- job_search_content instead). The full-text index's neutral word breaker (LANGUAGE 0) splits on the spaces the API
-- wrote, as FTS5's 'ascii' tokenizer does; a query is CONTAINS((title, body), '"らべ べる"') for a phrase of bigrams,
-- '"あ*"' for a prefix, CONTAINS(facets, ...) for a facet, as FTS5's column filters. The key is rowid (an integer key
-- is what a full-text index wants).
CREATE TABLE job_fts (
    rowid  bigint NOT NULL CONSTRAINT pk_job_fts PRIMARY KEY,
    title  nvarchar(max) NOT NULL,
    body   nvarchar(max) NOT NULL,
    facets nvarchar(max) NOT NULL
);
GO

-- The index follows every write to what it holds, in the writer's transaction, decided here rather than in each
-- handler: a status change (award, cancel, completion, and any later one) moves the job's facets. SQLite's six
-- triggers become two (SQL Server's triggers fire once per statement, with every row in inserted and deleted): the
-- old rows are deleted and the new ones written from the view.
CREATE TRIGGER tr_job_search_fts ON job_search AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    DELETE FROM job_fts WHERE rowid IN (SELECT d.doc_id FROM deleted d);
    INSERT INTO job_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets FROM job_search_content v WHERE v.doc_id IN (SELECT i.doc_id FROM inserted i);
END;
GO
CREATE TRIGGER tr_jobs_facets ON jobs AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(status) OR UPDATE(category) OR UPDATE(members_only)) RETURN;
    DELETE f FROM job_fts f JOIN job_search s ON s.doc_id = f.rowid WHERE s.job_id IN (SELECT d.id FROM deleted d);
    INSERT INTO job_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_search_content v ON v.doc_id = s.doc_id WHERE s.job_id IN (SELECT i.id FROM inserted i);
END;
GO

-- The open board sorted by budget (highest first) or deadline (soonest first), as keyset pages without a sort.
CREATE INDEX ix_jobs_status_budget ON jobs (status, budget_max, id);
CREATE INDEX ix_jobs_status_deadline ON jobs (status, deadline, id);

-- A worker's saved searches: the words and filters, and how far the alerts have looked (the newest doc_id seen).
CREATE TABLE saved_searches (
    id               nvarchar(32) NOT NULL PRIMARY KEY,
    worker_id        nvarchar(32) NOT NULL REFERENCES users (id),
    name             nvarchar(max) NOT NULL,
    q                nvarchar(max) NULL,
    category         nvarchar(20) NULL CHECK (category IS NULL OR category IN (N'design', N'translation', N'transcription', N'writing', N'dataEntry', N'other')),
    region           nvarchar(max) NULL,
    min_budget       bigint NULL,
    max_budget       bigint NULL,
    from_doc_id      bigint NOT NULL, -- the newest job when the search was saved: only later jobs are news
    seen_doc_id      bigint NOT NULL, -- jobs up to this doc_id were looked at already
    alert_after      datetimeoffset(7) NOT NULL, -- no alert before this time: an hour after the last one
    created_at       datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_saved_searches_worker ON saved_searches (worker_id, id);
CREATE INDEX ix_saved_searches_alert ON saved_searches (alert_after, id);

-- Each job is announced to a saved search once: the database, not the alert run, refuses the second.
CREATE TABLE saved_search_hits (
    saved_search_id nvarchar(32) NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
    job_id          nvarchar(32) NOT NULL REFERENCES jobs (id),
    created_at      datetimeoffset(7) NOT NULL,
    PRIMARY KEY (saved_search_id, job_id)
);

COMMIT TRANSACTION;
GO

-- One full-text catalog holds the search indexes (0015 adds the worker and board indexes to it). STOPLIST = OFF: no
-- token is dropped as a noise word (FTS5 drops none). CHANGE_TRACKING = AUTO: the index follows writes to job_fts by
-- itself, but asynchronously: a job is found by CONTAINS a moment after its transaction commits, not inside it.
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'search')
    CREATE FULLTEXT CATALOG search AS DEFAULT;
GO
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'job_fts'))
    CREATE FULLTEXT INDEX ON job_fts (title LANGUAGE 0, body LANGUAGE 0, facets LANGUAGE 0)
    KEY INDEX pk_job_fts ON search
    WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
