-- Issue 28: a job's budget as facets of the open board's index, so that a minimum budget is one more posting list to
-- intersect, like a category, instead of a check of every matched job's row. At a million jobs the count of a town's
-- jobs with a minimum budget read 33,854 rows to find 668 (docs/measurements.md). A job carries b<amount> for every band
-- at or below its maximum budget; the bands step 1-2-3-5 through each decade, the round figures people type, and are
-- the list of api/Search/BudgetBands.cs (SearchTests pins each band's edge on every engine). A minimum that is a band is
-- decided by the index alone; any other intersects the band below it and checks the rest on the row.
DROP VIEW job_board_content;
CREATE VIEW job_board_content AS
SELECT s.doc_id, s.title, s.body,
       'open c' || lower(j.category)
         || CASE WHEN j.members_only = 1 THEN ' members' ELSE '' END
         || CASE WHEN s.region_key <> '' THEN ' r' || replace(s.region_key, ' ', ' r') ELSE '' END
         || CASE WHEN j.budget_max >= 1000 THEN ' b1000' ELSE '' END
         || CASE WHEN j.budget_max >= 2000 THEN ' b2000' ELSE '' END
         || CASE WHEN j.budget_max >= 3000 THEN ' b3000' ELSE '' END
         || CASE WHEN j.budget_max >= 5000 THEN ' b5000' ELSE '' END
         || CASE WHEN j.budget_max >= 10000 THEN ' b10000' ELSE '' END
         || CASE WHEN j.budget_max >= 20000 THEN ' b20000' ELSE '' END
         || CASE WHEN j.budget_max >= 30000 THEN ' b30000' ELSE '' END
         || CASE WHEN j.budget_max >= 50000 THEN ' b50000' ELSE '' END
         || CASE WHEN j.budget_max >= 100000 THEN ' b100000' ELSE '' END
         || CASE WHEN j.budget_max >= 200000 THEN ' b200000' ELSE '' END
         || CASE WHEN j.budget_max >= 300000 THEN ' b300000' ELSE '' END
         || CASE WHEN j.budget_max >= 500000 THEN ' b500000' ELSE '' END
         || CASE WHEN j.budget_max >= 1000000 THEN ' b1000000' ELSE '' END AS facets
FROM job_search s JOIN jobs j ON j.id = s.job_id
WHERE j.status = 'open';

-- A job's facets move with its budget too (no route changes a posted job's budget today; the index must not depend on it).
DROP TRIGGER tr_jobs_board_before;
DROP TRIGGER tr_jobs_board_after;
CREATE TRIGGER tr_jobs_board_before BEFORE UPDATE OF status, category, members_only, budget_max ON jobs
BEGIN
    INSERT INTO job_board_fts (job_board_fts, rowid, title, body, facets)
    SELECT 'delete', v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_board_content v ON v.doc_id = s.doc_id WHERE s.job_id = OLD.id;
END;
CREATE TRIGGER tr_jobs_board_after AFTER UPDATE OF status, category, members_only, budget_max ON jobs
BEGIN
    INSERT INTO job_board_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_board_content v ON v.doc_id = s.doc_id WHERE s.job_id = NEW.id;
END;

-- The open jobs indexed again with their bands (FTS5's 'rebuild' reads the view; a few minutes at a million jobs).
INSERT INTO job_board_fts (job_board_fts) VALUES ('rebuild');
INSERT INTO job_board_fts (job_board_fts) VALUES ('optimize');
