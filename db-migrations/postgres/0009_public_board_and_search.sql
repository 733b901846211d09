-- Issue 12: the public job board and Japanese full-text search.

-- A business may keep a job off the public board: only signed-in workers (and the job's own audience) see it.
ALTER TABLE jobs ADD COLUMN members_only boolean NOT NULL DEFAULT FALSE;

-- What anyone may read without signing in: open jobs that are not members-only. The public board, a job's public page,
-- its link preview and the sitemap all read through this rule (later, so does a job's public Q&A).
CREATE VIEW job_public AS
SELECT j.id AS job_id FROM jobs j WHERE j.status = 'open' AND j.members_only = FALSE;

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
-- row order is the jobs' id order: a search page in newest order merges with the other id-ordered job streams.
CREATE TABLE job_search (
    doc_id     bigint NOT NULL PRIMARY KEY,
    job_id     text NOT NULL REFERENCES jobs (id),
    title      text NOT NULL,
    body       text NOT NULL,
    region_key text NOT NULL -- the region's keys, normalised: its prefecture and the whole region ('' for none)
);
CREATE UNIQUE INDEX ux_job_search_job ON job_search (job_id);

-- What the full-text index holds of each job: the title and description tokens, and facet tokens for the filters
-- (s<status>, c<category>, 'members' when members-only, r<prefecture> and r<region>), so a filter is one more posting
-- list to intersect rather than a residual check on every row a word matches; a region filter that is a prefecture or
-- a whole region reads one list (any other beginning of a region is a prefix search). The facet spelling lives here.
CREATE VIEW job_search_content AS
SELECT s.doc_id, s.title, s.body,
       's' || j.status || ' c' || lower(j.category)
         || CASE WHEN j.members_only = TRUE THEN ' members' ELSE '' END
         || CASE WHEN s.region_key <> '' THEN ' r' || replace(s.region_key, ' ', ' r') ELSE '' END AS facets
FROM job_search s JOIN jobs j ON j.id = s.job_id;

-- The tokens become a tsvector as they are, one lexeme per space-separated token, numbered from 2. The C# tokens are
-- the only tokeniser, as on SQLite (FTS5's 'ascii' tokenizer splits on the spaces the API wrote): to_tsvector's parser,
-- even under the 'simple' configuration, splits again by its own rules, which depend on the database's locale (under
-- C.UTF-8 it cuts the bigram 'ど・' to 'ど', since U+30FB is punctuation to it, and reads 'x1.5' as one word).
-- Queries are written as tsquery text by the API and cast (CAST(@Query AS tsquery)) rather than passed through
-- to_tsquery, for the same reason. A lexeme over 2047 bytes cannot be stored and is left out (to_tsvector drops it too);
-- PostgreSQL itself reads a position beyond 16383 as 16383 and keeps 256 positions of a lexeme at most. NULL is no tokens.
CREATE FUNCTION search_vector(tokens text, weight "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(COALESCE(string_agg(
               '''' || replace(replace(t.token, '\', '\\'), '''', '''''') || ''':' || (t.n + 1), ' ')::tsvector,
               ''::tsvector), weight)
    FROM unnest(string_to_array(tokens, ' ')) WITH ORDINALITY AS t (token, n)
    WHERE t.token <> '' AND octet_length(t.token) < 2048
$$;

-- A job's row in a full-text table: FTS5's columns become weights (title A, body B, facets D), so that FTS5's column
-- filters become weight labels: {title body} : "x y" is 'x':AB <-> 'y':AB, {title body} : "x" * is 'x':*AB, and
-- facets : "sopen" is 'sopen':D. Each column's positions start at 2, and || shifts the right one past the left one's
-- last position, so a phrase (<->) never spans two columns.
CREATE FUNCTION job_terms(title text, body text, facets text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT search_vector(title, 'A') || search_vector(body, 'B') || search_vector(facets, 'D')
$$;

-- FTS5's job_fts: one row per indexed job, rowid = job_search.doc_id, with its terms under a GIN index. It keeps no
-- text (FTS5's table has external content): what a query shows is read from job_search and the job.
CREATE TABLE job_fts (
    rowid bigint NOT NULL PRIMARY KEY,
    terms tsvector NOT NULL
);
CREATE INDEX ix_job_fts_terms ON job_fts USING gin (terms);

-- The index follows every write to what it holds, in the writer's transaction, decided here rather than in each
-- handler: a status change (award, cancel, completion, and any later one) moves the job's facets. SQLite's six
-- triggers become two: a row's old entry is deleted and its new one written from the view.
CREATE FUNCTION job_fts_follow_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM job_fts WHERE rowid = OLD.doc_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO job_fts (rowid, terms)
        SELECT v.doc_id, job_terms(v.title, v.body, v.facets) FROM job_search_content v WHERE v.doc_id = NEW.doc_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_job_search_fts AFTER INSERT OR UPDATE OR DELETE ON job_search
FOR EACH ROW EXECUTE FUNCTION job_fts_follow_search();

CREATE FUNCTION job_fts_follow_job() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM job_fts f USING job_search s WHERE s.job_id = OLD.id AND f.rowid = s.doc_id;
    INSERT INTO job_fts (rowid, terms)
    SELECT v.doc_id, job_terms(v.title, v.body, v.facets)
    FROM job_search s JOIN job_search_content v ON v.doc_id = s.doc_id WHERE s.job_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_jobs_facets AFTER UPDATE OF status, category, members_only ON jobs
FOR EACH ROW EXECUTE FUNCTION job_fts_follow_job();

-- The open board sorted by budget (highest first) or deadline (soonest first), as keyset pages without a sort.
CREATE INDEX ix_jobs_status_budget ON jobs (status, budget_max, id);
CREATE INDEX ix_jobs_status_deadline ON jobs (status, deadline, id);

-- A worker's saved searches: the words and filters, and how far the alerts have looked (the newest doc_id seen).
CREATE TABLE saved_searches (
    id               text NOT NULL PRIMARY KEY,
    worker_id        text NOT NULL REFERENCES users (id),
    name             text NOT NULL,
    q                text NULL,
    category         text NULL CHECK (category IS NULL OR category IN ('design', 'translation', 'transcription', 'writing', 'dataEntry', 'other')),
    region           text NULL,
    min_budget       bigint NULL,
    max_budget       bigint NULL,
    from_doc_id      bigint NOT NULL, -- the newest job when the search was saved: only later jobs are news
    seen_doc_id      bigint NOT NULL, -- jobs up to this doc_id were looked at already
    alert_after      timestamptz NOT NULL, -- no alert before this time: an hour after the last one
    created_at       timestamptz NOT NULL
);
CREATE INDEX ix_saved_searches_worker ON saved_searches (worker_id, id);
CREATE INDEX ix_saved_searches_alert ON saved_searches (alert_after, id);

-- Each job is announced to a saved search once: the database, not the alert run, refuses the second.
CREATE TABLE saved_search_hits (
    saved_search_id text NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
    job_id          text NOT NULL REFERENCES jobs (id),
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (saved_search_id, job_id)
);
