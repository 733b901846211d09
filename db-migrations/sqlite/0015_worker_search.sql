-- Issue 12: full-text search over worker profiles, and the job files and Q&A a visitor may read.

-- Each worker profile's place in the full-text index: doc_id is worker_fts' rowid. The tokens are made in C#
-- (Jobs/SearchText.cs, the job search's tokeniser: NFKC, case folded, katakana as hiragana, CJK bigrams, Latin words)
-- and written by UpdateWorkerProfile in the same transaction as the profile. Profiles written before this script are
-- tokenised at start-up (Workers/WorkerSearchIndex.BackfillAsync): SQL cannot make the tokens.
CREATE TABLE worker_search (
    doc_id    INTEGER NOT NULL PRIMARY KEY,
    worker_id TEXT NOT NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_worker_search_worker ON worker_search (worker_id);

-- The index holds its own copy of the tokens (profiles are few and short; ranking reads them back by rowid): the bio,
-- the skills, the region's words, and the region's facet keys (r<prefecture> r<region>, as job_search_content spells
-- them) so that a prefecture filter is one posting list. 'ascii' splits only on ASCII space and punctuation;
-- prefix='1' answers one-character queries.
CREATE VIRTUAL TABLE worker_fts USING fts5(bio, skills, region, facets, tokenize = 'ascii', prefix = '1');

-- Which of a job's reference files a visitor may download: the business chooses per file, and a file is not public
-- unless it says so (a quotation or a customer list attached for bidders should not reach search engines by default).
ALTER TABLE files ADD COLUMN public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1));

-- What a visitor may read of files: a public file of a job on the public board (job_public: open, not members-only)
-- whose files are not confidential. Closing the job, making it members-only or its files confidential hides them all.
CREATE VIEW file_public AS
SELECT f.id AS file_id, f.job_id FROM files f JOIN job_public p ON p.job_id = f.job_id JOIN jobs j ON j.id = f.job_id
WHERE f.public = 1 AND j.confidential_files = 0;

-- What a visitor may read of a job's questions: those answered publicly, on a job of the public board.
CREATE VIEW question_public AS
SELECT q.id AS question_id, q.job_id FROM questions q JOIN job_public p ON p.job_id = q.job_id
WHERE q.answer_public = 1;

-- The open board's own full-text index: only open jobs, so that a search of the board no longer intersects its words
-- with the facet list of every open job ('sopen', about 200,000 entries at a million jobs, walked in reverse rowid
-- order on every query; README "The public board and search under load"). Its facets are c<category>, r<prefecture>
-- and r<region>, 'members' for a members-only job (a visitor's query excludes that short list: 5% of open jobs), and
-- 'open' in every row, which a query names only when it has nothing else to match (the first page of the board).
-- job_fts keeps every job for the per-row word checks of a caller's own jobs in other statuses.
CREATE VIEW job_board_content AS
SELECT s.doc_id, s.title, s.body,
       'open c' || lower(j.category)
         || CASE WHEN j.members_only = 1 THEN ' members' ELSE '' END
         || CASE WHEN s.region_key <> '' THEN ' r' || replace(s.region_key, ' ', ' r') ELSE '' END AS facets
FROM job_search s JOIN jobs j ON j.id = s.job_id
WHERE j.status = 'open';

CREATE VIRTUAL TABLE job_board_fts USING fts5(
    title, body, facets,
    content = 'job_board_content', content_rowid = 'doc_id', tokenize = 'ascii', prefix = '1'
);
INSERT INTO job_board_fts (job_board_fts) VALUES ('rebuild');
INSERT INTO job_board_fts (job_board_fts) VALUES ('optimize');

-- A job enters the board index when it is written open and leaves it when its status changes; a change of category or
-- members-only moves its facets. As for job_fts, a BEFORE trigger deletes exactly what was indexed (the view still
-- shows the old row, and nothing when the job was not open), an AFTER trigger indexes the new row if it is open.
CREATE TRIGGER tr_job_board_insert AFTER INSERT ON job_search
BEGIN
    INSERT INTO job_board_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets FROM job_board_content v WHERE v.doc_id = NEW.doc_id;
END;
CREATE TRIGGER tr_job_board_before_update BEFORE UPDATE ON job_search
BEGIN
    INSERT INTO job_board_fts (job_board_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets FROM job_board_content v WHERE v.doc_id = OLD.doc_id;
END;
CREATE TRIGGER tr_job_board_after_update AFTER UPDATE ON job_search
BEGIN
    INSERT INTO job_board_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets FROM job_board_content v WHERE v.doc_id = NEW.doc_id;
END;
CREATE TRIGGER tr_job_board_delete BEFORE DELETE ON job_search
BEGIN
    INSERT INTO job_board_fts (job_board_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets FROM job_board_content v WHERE v.doc_id = OLD.doc_id;
END;
CREATE TRIGGER tr_jobs_board_before BEFORE UPDATE OF status, category, members_only ON jobs
BEGIN
    INSERT INTO job_board_fts (job_board_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_board_content v ON v.doc_id = s.doc_id WHERE s.job_id = OLD.id;
END;
CREATE TRIGGER tr_jobs_board_after AFTER UPDATE OF status, category, members_only ON jobs
BEGIN
    INSERT INTO job_board_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_board_content v ON v.doc_id = s.doc_id WHERE s.job_id = NEW.id;
END;
