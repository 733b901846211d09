-- g2 (issue 24's gaps). A milestone delivered on a job with a producer's review goes to the producer first, as a
-- contract's delivery does (contract_gates): the milestone's status gains inReview, between its delivery and the
-- producer's forward to the business. SQLite makes the status column again at the table's end (see sqlite/0042), so
-- this step does the same, keeping the column order of both: the values kept aside, 0038's unnamed CHECK found by its
-- column and dropped (as 0040 did for account_mail.kind), the column dropped with the index that names it and added back,
-- the values filled in, and the CHECK made again with a name a later step can use.
SELECT id, status INTO #kept_milestone_statuses FROM milestones;
DROP INDEX ix_milestones_inspection ON milestones;
DECLARE @status_check sysname = (SELECT cc.name FROM sys.check_constraints cc
    JOIN sys.columns c ON c.object_id = cc.parent_object_id AND c.column_id = cc.parent_column_id
    WHERE cc.parent_object_id = OBJECT_ID(N'milestones') AND c.name = N'status');
DECLARE @drop nvarchar(max) = N'ALTER TABLE milestones DROP CONSTRAINT ' + QUOTENAME(@status_check);
EXEC sp_executesql @drop;
ALTER TABLE milestones DROP COLUMN status;
ALTER TABLE milestones ADD status nvarchar(32) NOT NULL CONSTRAINT df_milestones_status DEFAULT N'unfunded';
GO
UPDATE m SET m.status = k.status FROM milestones m JOIN #kept_milestone_statuses k ON k.id = m.id;
DROP TABLE #kept_milestone_statuses;
ALTER TABLE milestones ADD CONSTRAINT ck_milestones_status
    CHECK (status IN (N'unfunded', N'funded', N'inReview', N'submitted', N'revisionRequested', N'accepted', N'cancelled'));
CREATE INDEX ix_milestones_inspection ON milestones (status, inspection_ends_at);
GO
