-- Issue 12: the public job board and Japanese full-text search.

-- A business may keep a job off the public board: only signed-in workers (and the job's own audience) see it.
ALTER TABLE jobs ADD COLUMN members_only INTEGER NOT NULL DEFAULT 0 CHECK (members_only IN (0, 1));

-- What anyone may read without signing in: open jobs that are not members-only. The public board, a job's public page,
-- its link preview and the sitemap all read through this rule (later, so does a job's public Q&A).
CREATE VIEW job_public AS
SELECT j.id AS job_id FROM jobs j WHERE j.status = 'open' AND j.members_only = 0;

-- The read model gains members_only.
DROP VIEW job_details;
CREATE VIEW job_details AS
SELECT j.id, j.business_id, u.display_name AS business_name, j.producer_id, j.title, j.description, j.category,
       j.budget_min, j.budget_max, j.deadline, j.region, j.producer_review, j.status, j.created_at, j.members_only,
       (SELECT COUNT(*) FROM bids b WHERE b.job_id = j.id AND b.status <> 'withdrawn') AS bid_count
FROM jobs j JOIN users u ON u.id = j.business_id;

-- The search tokens of each job, made by the API (Jobs/SearchText.cs: NFKC, case folded, katakana as hiragana,
-- CJK runs as overlapping bigrams, Latin words whole) and written in the same transaction as the job.
-- doc_id comes from the job's UUIDv7 id (its 48-bit millisecond time and 12 more bits), so that the full-text index's
-- rowid order is the jobs' id order: a search page in newest order merges with the other id-ordered job streams.
CREATE TABLE job_search (
    doc_id     INTEGER NOT NULL PRIMARY KEY,
    job_id     TEXT NOT NULL REFERENCES jobs (id),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    region_key TEXT NOT NULL -- the region's keys, normalised: its prefecture and the whole region ('' for none)
);
CREATE UNIQUE INDEX ux_job_search_job ON job_search (job_id);

-- What the full-text index holds of each job: the title and description tokens, and facet tokens for the filters
-- (s<status>, c<category>, 'members' when members-only, r<prefecture> and r<region>), so a filter is one more posting
-- list to intersect rather than a residual check on every row a word matches; a region filter that is a prefecture or
-- a whole region reads one list (any other beginning of a region is a prefix search). The facet spelling lives here.
CREATE VIEW job_search_content AS
SELECT s.doc_id, s.title, s.body,
       's' || j.status || ' c' || lower(j.category)
         || CASE WHEN j.members_only = 1 THEN ' members' ELSE '' END
         || CASE WHEN s.region_key <> '' THEN ' r' || replace(s.region_key, ' ', ' r') ELSE '' END AS facets
FROM job_search s JOIN jobs j ON j.id = s.job_id;

-- FTS5 over the pre-tokenised text: the 'ascii' tokenizer splits on ASCII space and punctuation only and keeps every
-- non-ASCII character, so a bigram such as 'らべ' or 'ど・' is one token. prefix='1' keeps an index of one-character
-- prefixes, which answers a one-character query (a prefix search over the bigrams) without reading every bigram.
-- External content: the index reads nothing back for ranking (bm25 uses its own sizes); the view is the truth a
-- 'rebuild' re-reads.
CREATE VIRTUAL TABLE job_fts USING fts5(
    title, body, facets,
    content = 'job_search_content', content_rowid = 'doc_id', tokenize = 'ascii', prefix = '1'
);

-- The index follows every write to what it holds, in the writer's transaction, decided here rather than in each
-- handler: a status change (award, cancel, completion, and any later one) moves the job's facets. A BEFORE trigger
-- reads the old row through the view (an external-content delete must name exactly what was indexed), an AFTER
-- trigger the new one.
CREATE TRIGGER tr_job_search_insert AFTER INSERT ON job_search
BEGIN
    INSERT INTO job_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets FROM job_search_content v WHERE v.doc_id = NEW.doc_id;
END;
CREATE TRIGGER tr_job_search_before_update BEFORE UPDATE ON job_search
BEGIN
    INSERT INTO job_fts (job_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets FROM job_search_content v WHERE v.doc_id = OLD.doc_id;
END;
CREATE TRIGGER tr_job_search_after_update AFTER UPDATE ON job_search
BEGIN
    INSERT INTO job_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets FROM job_search_content v WHERE v.doc_id = NEW.doc_id;
END;
CREATE TRIGGER tr_job_search_delete BEFORE DELETE ON job_search
BEGIN
    INSERT INTO job_fts (job_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets FROM job_search_content v WHERE v.doc_id = OLD.doc_id;
END;
CREATE TRIGGER tr_jobs_facets_before BEFORE UPDATE OF status, category, members_only ON jobs
BEGIN
    INSERT INTO job_fts (job_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_search_content v ON v.doc_id = s.doc_id WHERE s.job_id = OLD.id;
END;
CREATE TRIGGER tr_jobs_facets_after AFTER UPDATE OF status, category, members_only ON jobs
BEGIN
    INSERT INTO job_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_search_content v ON v.doc_id = s.doc_id WHERE s.job_id = NEW.id;
END;

-- The open board sorted by budget (highest first) or deadline (soonest first), as keyset pages without a sort.
CREATE INDEX ix_jobs_status_budget ON jobs (status, budget_max, id);
CREATE INDEX ix_jobs_status_deadline ON jobs (status, deadline, id);

-- A worker's saved searches: the words and filters, and how far the alerts have looked (the newest doc_id seen).
CREATE TABLE saved_searches (
    id               TEXT NOT NULL PRIMARY KEY,
    worker_id        TEXT NOT NULL REFERENCES users (id),
    name             TEXT NOT NULL,
    q                TEXT NULL,
    category         TEXT NULL CHECK (category IS NULL OR category IN ('design', 'translation', 'transcription', 'writing', 'dataEntry', 'other')),
    region           TEXT NULL,
    min_budget       INTEGER NULL,
    max_budget       INTEGER NULL,
    from_doc_id      INTEGER NOT NULL, -- the newest job when the search was saved: only later jobs are news
    seen_doc_id      INTEGER NOT NULL, -- jobs up to this doc_id were looked at already
    alert_after      TEXT NOT NULL,    -- no alert before this time: an hour after the last one
    created_at       TEXT NOT NULL
);
CREATE INDEX ix_saved_searches_worker ON saved_searches (worker_id, id);
CREATE INDEX ix_saved_searches_alert ON saved_searches (alert_after, id);

-- Each job is announced to a saved search once: the database, not the alert run, refuses the second.
CREATE TABLE saved_search_hits (
    saved_search_id TEXT NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
    job_id          TEXT NOT NULL REFERENCES jobs (id),
    created_at      TEXT NOT NULL,
    PRIMARY KEY (saved_search_id, job_id)
);
