-- Issue 28: BM25's statistics kept as jobs are written, so that ranking never adds them up from the text. Each job's
-- length in tokens (title and description: what lies between the spaces of its stored tokens) is written beside its
-- tokens by the API (Search/JobSearchIndex.cs), and the open board's totals (its jobs and their lengths summed) are one
-- row, kept by the triggers below in the writer's transaction. The corpus statistics were a sum over every open job's
-- token strings whenever their cache expired (317 ms at 100,000 jobs, ~3 s at a million; docs/measurements.md); now
-- every engine reads one row.
ALTER TABLE job_search ADD COLUMN token_count bigint NOT NULL DEFAULT 0;

-- The jobs indexed before this script, counted from their token strings. The indexes' triggers (0009, 0015) re-index a
-- job on any update of its search row: they are made again to follow only what the indexes hold, so that writing a
-- count (here a whole table of them) re-indexes nothing.
DROP TRIGGER tr_job_search_fts ON job_search;
DROP TRIGGER tr_job_search_board ON job_search;
UPDATE job_search SET token_count =
      CASE WHEN title = '' THEN 0 ELSE length(title) - length(replace(title, ' ', '')) + 1 END
    + CASE WHEN body = '' THEN 0 ELSE length(body) - length(replace(body, ' ', '')) + 1 END;
CREATE TRIGGER tr_job_search_fts AFTER INSERT OR UPDATE OF doc_id, job_id, title, body, region_key OR DELETE ON job_search
FOR EACH ROW EXECUTE FUNCTION job_fts_follow_search();
CREATE TRIGGER tr_job_search_board AFTER INSERT OR UPDATE OF doc_id, job_id, title, body, region_key OR DELETE ON job_search
FOR EACH ROW EXECUTE FUNCTION job_board_fts_follow_search();

-- The open board's totals, one row: what job_board_content holds (open jobs with a search row), counted and summed.
CREATE TABLE job_board_totals (
    id          integer NOT NULL PRIMARY KEY CHECK (id = 1),
    jobs        bigint NOT NULL,
    token_count bigint NOT NULL
);
INSERT INTO job_board_totals (id, jobs, token_count)
SELECT 1, COUNT(*), COALESCE(SUM(s.token_count), 0) FROM job_search s JOIN jobs j ON j.id = s.job_id WHERE j.status = 'open';

-- A job is on the board while it is open and has its search row: the totals move when either changes, as the board's
-- index does (0015). A search row written, rewritten or deleted for an open job; a job's status moving to or from open;
-- an open job deleted.
CREATE FUNCTION job_board_totals_follow_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE job_board_totals SET jobs = jobs - 1, token_count = token_count - OLD.token_count
        WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.id = OLD.job_id AND j.status = 'open');
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE job_board_totals SET jobs = jobs + 1, token_count = token_count + NEW.token_count
        WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.id = NEW.job_id AND j.status = 'open');
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_job_search_board_totals AFTER INSERT OR UPDATE OF job_id, token_count OR DELETE ON job_search
FOR EACH ROW EXECUTE FUNCTION job_board_totals_follow_search();

CREATE FUNCTION job_board_totals_follow_job() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status = 'open' THEN
        UPDATE job_board_totals SET
            jobs = jobs - (SELECT COUNT(*) FROM job_search s WHERE s.job_id = OLD.id),
            token_count = token_count - (SELECT COALESCE(SUM(s.token_count), 0) FROM job_search s WHERE s.job_id = OLD.id);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status = 'open' THEN
        UPDATE job_board_totals SET
            jobs = jobs + (SELECT COUNT(*) FROM job_search s WHERE s.job_id = NEW.id),
            token_count = token_count + (SELECT COALESCE(SUM(s.token_count), 0) FROM job_search s WHERE s.job_id = NEW.id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_jobs_board_totals AFTER UPDATE OF status ON jobs
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION job_board_totals_follow_job();
CREATE TRIGGER tr_jobs_board_totals_delete AFTER DELETE ON jobs
FOR EACH ROW EXECUTE FUNCTION job_board_totals_follow_job();

-- The open board without words in one category, by budget or by deadline (Search/JobQuery.cs): the category's jobs in
-- the sort's order, instead of every open job in that order checked for its category (issue 28, "filters without words").
CREATE INDEX ix_jobs_status_category_budget ON jobs (status, category, budget_max, id);
CREATE INDEX ix_jobs_status_category_deadline ON jobs (status, category, deadline, id);
