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
