-- Issue 28: a job's budget as facets of the open board's index, so that a minimum budget is one more posting list to
-- intersect, like a category, instead of a check of every matched job's row. At a million jobs the count of a town's
-- jobs with a minimum budget read 33,854 rows to find 668 (docs/measurements.md). A job carries b<amount> for every band
-- at or below its maximum budget; the bands step 1-2-3-5 through each decade, the round figures people type, and are
-- the list of api/Search/BudgetBands.cs (SearchTests pins each band's edge on every engine). A minimum that is a band is
-- decided by the index alone; any other intersects the band below it and checks the rest on the row.
ALTER VIEW job_board_content AS
SELECT s.doc_id, s.title, s.body,
       N'open c' + LOWER(j.category)
         + CASE WHEN j.members_only = 1 THEN N' members' ELSE N'' END
         + CASE WHEN s.region_key <> N'' THEN N' r' + REPLACE(s.region_key, N' ', N' r') ELSE N'' END
         + CASE WHEN j.budget_max >= 1000 THEN N' b1000' ELSE N'' END
         + CASE WHEN j.budget_max >= 2000 THEN N' b2000' ELSE N'' END
         + CASE WHEN j.budget_max >= 3000 THEN N' b3000' ELSE N'' END
         + CASE WHEN j.budget_max >= 5000 THEN N' b5000' ELSE N'' END
         + CASE WHEN j.budget_max >= 10000 THEN N' b10000' ELSE N'' END
         + CASE WHEN j.budget_max >= 20000 THEN N' b20000' ELSE N'' END
         + CASE WHEN j.budget_max >= 30000 THEN N' b30000' ELSE N'' END
         + CASE WHEN j.budget_max >= 50000 THEN N' b50000' ELSE N'' END
         + CASE WHEN j.budget_max >= 100000 THEN N' b100000' ELSE N'' END
         + CASE WHEN j.budget_max >= 200000 THEN N' b200000' ELSE N'' END
         + CASE WHEN j.budget_max >= 300000 THEN N' b300000' ELSE N'' END
         + CASE WHEN j.budget_max >= 500000 THEN N' b500000' ELSE N'' END
         + CASE WHEN j.budget_max >= 1000000 THEN N' b1000000' ELSE N'' END AS facets
FROM job_search s JOIN jobs j ON j.id = s.job_id
WHERE j.status = N'open';
GO
-- A job's facets move with its budget too (no route changes a posted job's budget today; the index must not depend on it).
ALTER TRIGGER tr_jobs_board ON jobs AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(status) OR UPDATE(category) OR UPDATE(members_only) OR UPDATE(budget_max)) RETURN;
    DELETE f FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid WHERE s.job_id IN (SELECT d.id FROM deleted d);
    INSERT INTO job_board_fts (rowid, title, body, facets)
    SELECT v.doc_id, v.title, v.body, v.facets
    FROM job_search s JOIN job_board_content v ON v.doc_id = s.doc_id WHERE s.job_id IN (SELECT i.id FROM inserted i);
END;
GO
-- The open jobs' facets written again with their bands; the full-text index follows by its change tracking.
UPDATE f SET f.facets = v.facets FROM job_board_fts f JOIN job_board_content v ON v.doc_id = f.rowid;
