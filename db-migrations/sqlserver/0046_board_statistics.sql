-- Issue 28: BM25's statistics kept as jobs are written, so that ranking never adds them up from the text. Each job's
-- length in tokens (title and description: what lies between the spaces of its stored tokens) is written beside its
-- tokens by the API (Search/JobSearchIndex.cs), and the open board's totals (its jobs and their lengths summed) are one
-- row, kept by the triggers below in the writer's transaction. The corpus statistics were a sum over every open job's
-- token strings whenever their cache expired; now every engine reads one row.
ALTER TABLE job_search ADD token_count bigint NOT NULL DEFAULT 0;
GO

-- The jobs indexed before this script, counted from their token strings (DATALENGTH, not LEN, which would not count
-- trailing spaces; a UTF-16 code unit is two bytes). The indexes' triggers (0009, 0015) re-index a job on any update of
-- its search row: they are off while the counts are written, which re-index nothing.
DISABLE TRIGGER tr_job_search_fts ON job_search;
DISABLE TRIGGER tr_job_search_board ON job_search;
UPDATE job_search SET token_count =
      CAST(CASE WHEN DATALENGTH(title) = 0 THEN 0 ELSE (DATALENGTH(title) - DATALENGTH(REPLACE(title, N' ', N''))) / 2 + 1 END AS bigint)
    + CAST(CASE WHEN DATALENGTH(body) = 0 THEN 0 ELSE (DATALENGTH(body) - DATALENGTH(REPLACE(body, N' ', N''))) / 2 + 1 END AS bigint);
ENABLE TRIGGER tr_job_search_fts ON job_search;
ENABLE TRIGGER tr_job_search_board ON job_search;
GO

-- The open board's totals, one row: what job_board_content holds (open jobs with a search row), counted and summed.
CREATE TABLE job_board_totals (
    id          int NOT NULL PRIMARY KEY CHECK (id = 1),
    jobs        bigint NOT NULL,
    token_count bigint NOT NULL
);
INSERT INTO job_board_totals (id, jobs, token_count)
SELECT 1, COUNT_BIG(*), COALESCE(SUM(s.token_count), 0) FROM job_search s JOIN jobs j ON j.id = s.job_id WHERE j.status = N'open';
GO

-- A job is on the board while it is open and has its search row: the totals move when either changes, as the board's
-- index does (0015). Search rows written, rewritten or deleted for open jobs; jobs whose status moves to or from open;
-- open jobs deleted. Each trigger adds what the statement's new rows bring and takes away what its old rows held.
CREATE TRIGGER tr_job_search_board_totals ON job_search AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE job_board_totals SET
        jobs = jobs
            + (SELECT COUNT_BIG(*) FROM inserted i JOIN jobs j ON j.id = i.job_id WHERE j.status = N'open')
            - (SELECT COUNT_BIG(*) FROM deleted d JOIN jobs j ON j.id = d.job_id WHERE j.status = N'open'),
        token_count = token_count
            + (SELECT COALESCE(SUM(i.token_count), 0) FROM inserted i JOIN jobs j ON j.id = i.job_id WHERE j.status = N'open')
            - (SELECT COALESCE(SUM(d.token_count), 0) FROM deleted d JOIN jobs j ON j.id = d.job_id WHERE j.status = N'open');
END;
GO
CREATE TRIGGER tr_jobs_board_totals ON jobs AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted) AND NOT UPDATE(status) RETURN;
    UPDATE job_board_totals SET
        jobs = jobs
            + (SELECT COUNT_BIG(*) FROM inserted i JOIN job_search s ON s.job_id = i.id WHERE i.status = N'open')
            - (SELECT COUNT_BIG(*) FROM deleted d JOIN job_search s ON s.job_id = d.id WHERE d.status = N'open'),
        token_count = token_count
            + (SELECT COALESCE(SUM(s.token_count), 0) FROM inserted i JOIN job_search s ON s.job_id = i.id WHERE i.status = N'open')
            - (SELECT COALESCE(SUM(s.token_count), 0) FROM deleted d JOIN job_search s ON s.job_id = d.id WHERE d.status = N'open');
END;
GO

-- The open board without words in one category, by budget or by deadline (Search/JobQuery.cs): the category's jobs in
-- the sort's order, instead of every open job in that order checked for its category (issue 28, "filters without words").
CREATE INDEX ix_jobs_status_category_budget ON jobs (status, category, budget_max, id);
CREATE INDEX ix_jobs_status_category_deadline ON jobs (status, category, deadline, id);
GO
