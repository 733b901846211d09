-- Issue 28: BM25's statistics kept as jobs are written, so that ranking never adds them up from the text. Each job's
-- length in tokens (title and description: what lies between the spaces of its stored tokens) is written beside its
-- tokens by the API (Search/JobSearchIndex.cs), and the open board's totals (its jobs and their lengths summed) are one
-- row, kept by the triggers below in the writer's transaction. PostgreSQL added them up over every open job whenever its
-- cache expired (317 ms at 100,000 jobs, ~3 s at a million; docs/measurements.md); now every engine reads one row.
ALTER TABLE job_search ADD COLUMN token_count INTEGER NOT NULL DEFAULT 0;

-- The jobs indexed before this script, counted from their token strings. The indexes' update triggers (0009, 0015)
-- re-index a job on any update of its search row: they are made again to follow only what the indexes hold, so that
-- writing a count (here a whole table of them) re-indexes nothing.
DROP TRIGGER tr_job_search_before_update;
DROP TRIGGER tr_job_search_after_update;
DROP TRIGGER tr_job_board_before_update;
DROP TRIGGER tr_job_board_after_update;
UPDATE job_search SET token_count =
      CASE WHEN title = '' THEN 0 ELSE length(title) - length(replace(title, ' ', '')) + 1 END
    + CASE WHEN body = '' THEN 0 ELSE length(body) - length(replace(body, ' ', '')) + 1 END;
CREATE TRIGGER tr_job_search_before_update BEFORE UPDATE OF doc_id, job_id, title, body, region_key ON job_search
BEGIN
    INSERT INTO job_fts (job_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets FROM job_search_content v WHERE v.doc_id = OLD.doc_id;
END;
CREATE TRIGGER tr_job_search_after_update AFTER UPDATE OF doc_id, job_id, title, body, region_key ON job_search
BEGIN
    INSERT INTO job_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets FROM job_search_content v WHERE v.doc_id = NEW.doc_id;
END;
CREATE TRIGGER tr_job_board_before_update BEFORE UPDATE OF doc_id, job_id, title, body, region_key ON job_search
BEGIN
    INSERT INTO job_board_fts (job_board_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets FROM job_board_content v WHERE v.doc_id = OLD.doc_id;
END;
CREATE TRIGGER tr_job_board_after_update AFTER UPDATE OF doc_id, job_id, title, body, region_key ON job_search
BEGIN
    INSERT INTO job_board_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets FROM job_board_content v WHERE v.doc_id = NEW.doc_id;
END;

-- The open board's totals, one row: what job_board_content holds (open jobs with a search row), counted and summed.
CREATE TABLE job_board_totals (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    jobs        INTEGER NOT NULL,
    token_count INTEGER NOT NULL
);
INSERT INTO job_board_totals (id, jobs, token_count)
SELECT 1, COUNT(*), COALESCE(SUM(s.token_count), 0) FROM job_search s JOIN jobs j ON j.id = s.job_id WHERE j.status = 'open';

-- A job is on the board while it is open and has its search row: the totals move when either changes, as the board's
-- index does (0015). A search row written, rewritten or deleted for an open job; a job's status moving to or from open.
CREATE TRIGGER tr_job_board_totals_insert AFTER INSERT ON job_search
WHEN EXISTS (SELECT 1 FROM jobs j WHERE j.id = NEW.job_id AND j.status = 'open')
BEGIN
    UPDATE job_board_totals SET jobs = jobs + 1, token_count = token_count + NEW.token_count;
END;
CREATE TRIGGER tr_job_board_totals_update AFTER UPDATE OF job_id, token_count ON job_search
BEGIN
    UPDATE job_board_totals SET
        jobs = jobs + (SELECT COUNT(*) FROM jobs j WHERE j.id = NEW.job_id AND j.status = 'open')
                    - (SELECT COUNT(*) FROM jobs j WHERE j.id = OLD.job_id AND j.status = 'open'),
        token_count = token_count + (SELECT COUNT(*) FROM jobs j WHERE j.id = NEW.job_id AND j.status = 'open') * NEW.token_count
                                  - (SELECT COUNT(*) FROM jobs j WHERE j.id = OLD.job_id AND j.status = 'open') * OLD.token_count;
END;
CREATE TRIGGER tr_job_board_totals_delete AFTER DELETE ON job_search
WHEN EXISTS (SELECT 1 FROM jobs j WHERE j.id = OLD.job_id AND j.status = 'open')
BEGIN
    UPDATE job_board_totals SET jobs = jobs - 1, token_count = token_count - OLD.token_count;
END;
CREATE TRIGGER tr_jobs_board_totals AFTER UPDATE OF status ON jobs
WHEN (CASE WHEN OLD.status = 'open' THEN 1 ELSE 0 END) <> (CASE WHEN NEW.status = 'open' THEN 1 ELSE 0 END)
BEGIN
    UPDATE job_board_totals SET
        jobs = jobs + (CASE WHEN NEW.status = 'open' THEN 1 ELSE -1 END) * (SELECT COUNT(*) FROM job_search s WHERE s.job_id = NEW.id),
        token_count = token_count
            + (CASE WHEN NEW.status = 'open' THEN 1 ELSE -1 END) * (SELECT COALESCE(SUM(s.token_count), 0) FROM job_search s WHERE s.job_id = NEW.id);
END;
CREATE TRIGGER tr_jobs_board_totals_delete AFTER DELETE ON jobs
WHEN OLD.status = 'open'
BEGIN
    UPDATE job_board_totals SET
        jobs = jobs - (SELECT COUNT(*) FROM job_search s WHERE s.job_id = OLD.id),
        token_count = token_count - (SELECT COALESCE(SUM(s.token_count), 0) FROM job_search s WHERE s.job_id = OLD.id);
END;

-- The open board without words in one category, by budget or by deadline (Search/JobQuery.cs): the category's jobs in
-- the sort's order, instead of every open job in that order checked for its category (issue 28, "filters without words").
CREATE INDEX ix_jobs_status_category_budget ON jobs (status, category, budget_max, id);
CREATE INDEX ix_jobs_status_category_deadline ON jobs (status, category, deadline, id);
