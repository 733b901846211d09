-- Issue 23's gaps (g3): files on a team's tasks and the team's own thread.
-- A task's files: those the director or a leader shares with the member when making the task (files.task_id), and those
-- the member delivers with it (files.task_step_id: the 'submitted' step that carried them, so a delivery's files stay
-- with the delivery in the task's history). A team's thread (team_messages) is its members' own conversation, apart
-- from any contract's: the business never reads it. team_message_reads is how far each member has read it.
ALTER TABLE files ADD COLUMN task_id text NULL REFERENCES tasks (id);
ALTER TABLE files ADD COLUMN task_step_id text NULL REFERENCES task_steps (id);
CREATE INDEX ix_files_task ON files (task_id, id) WHERE task_id IS NOT NULL;
CREATE INDEX ix_files_task_step ON files (task_step_id, id) WHERE task_step_id IS NOT NULL;

CREATE TABLE team_messages (
    id         text NOT NULL PRIMARY KEY,
    team_id    text NOT NULL REFERENCES teams (id),
    sender_id  text NOT NULL REFERENCES users (id),
    body       text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_team_messages_team ON team_messages (team_id, id);
CREATE TABLE team_message_reads (
    team_id text NOT NULL REFERENCES teams (id),
    user_id text NOT NULL REFERENCES users (id),
    up_to   text NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
ALTER TABLE files ADD COLUMN team_message_id text NULL REFERENCES team_messages (id);
CREATE INDEX ix_files_team_message ON files (team_message_id, id) WHERE team_message_id IS NOT NULL;

-- 0042's file_audience (0036's with a task job's file answers), whole, with the readers of a team's files added last (a
-- view is replaced whole).
-- A task's files (shared and delivered) are read by the task's current member and the team's director and leaders: the
-- same people who read the task (Teams/TaskAccess). After a reassignment the old member no longer reads them — it no
-- longer sees the task, its notice is withdrawn, and the client's material goes no further than the work needs (its own
-- deliveries it still reads as their uploader). Another member of the team and anyone outside it never reads them. A
-- thread's files are read by the team's members (director, leaders, members; not removed ones).
DROP VIEW file_audience;
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, 'uploader' AS relation FROM files f
WHERE NOT EXISTS (SELECT 1 FROM identity_checks i WHERE i.file_id = f.id)
UNION ALL
SELECT f.id, v.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_viewers v ON v.job_id = j.id
WHERE j.confidential_files = FALSE AND j.nda = 'none'
UNION ALL
SELECT f.id, r.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN nda_readers r ON r.job_id = j.id
WHERE j.confidential_files = FALSE AND j.nda <> 'none'
UNION ALL
SELECT f.id, v.user_id, 'nda' FROM jobs j JOIN files f ON f.id = j.nda_file_id JOIN job_viewers v ON v.job_id = j.id
UNION ALL
SELECT f.id, a.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = TRUE AND a.relation IN ('business', 'producer')
UNION ALL
SELECT f.id, c.worker_id, 'job' FROM files f JOIN contracts c ON c.job_id = f.job_id
WHERE c.award_lapsed_at IS NULL
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN messages m ON m.id = f.message_id JOIN contract_parties p ON p.contract_id = m.contract_id
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN contract_parties p ON p.contract_id = s.contract_id
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN contract_parties p ON p.contract_id = r.contract_id
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN contracts c ON c.job_id = f.job_id JOIN disputes d ON d.contract_id = c.id
JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN messages m ON m.id = f.message_id JOIN disputes d ON d.contract_id = m.contract_id
JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN disputes d ON d.contract_id = s.contract_id
JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN disputes d ON d.contract_id = r.contract_id
JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, p.user_id, 'dispute' FROM files f JOIN dispute_statements s ON s.id = f.statement_id JOIN disputes d ON d.id = s.dispute_id
JOIN contract_parties p ON p.contract_id = d.contract_id
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN dispute_statements s ON s.id = f.statement_id JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, u.id, 'portfolio' FROM files f CROSS JOIN users u WHERE f.portfolio_of IS NOT NULL
UNION ALL
SELECT f.id, r.user_id, 'contest' FROM files f JOIN contest_entry_readers r ON r.entry_id = f.entry_id
UNION ALL
-- g2: task answers (0042's branch, kept: this view replaces 0042's whole). A worker's file answer to a task job's item:
-- the job's business and its producers, and administrators.
SELECT f.id, a.user_id, 'taskAnswer' FROM files f JOIN task_submissions s ON s.id = f.task_submission_id
JOIN job_audience a ON a.job_id = s.job_id WHERE a.relation IN ('business', 'producer')
UNION ALL
SELECT f.id, u.id, 'taskAnswer' FROM files f JOIN task_submissions s ON s.id = f.task_submission_id JOIN users u ON u.role = 'administrator'
UNION ALL
-- g3: team tasks (their shared and delivered files) and the team's own thread
SELECT f.id, k.assignee_id, 'task' FROM files f JOIN tasks k ON k.id = f.task_id
UNION ALL
SELECT f.id, m.user_id, 'task' FROM files f JOIN tasks k ON k.id = f.task_id JOIN team_members m ON m.team_id = k.team_id
WHERE m.role IN ('director', 'leader') AND m.removed_at IS NULL
UNION ALL
SELECT f.id, k.assignee_id, 'task' FROM files f JOIN task_steps s ON s.id = f.task_step_id JOIN tasks k ON k.id = s.task_id
UNION ALL
SELECT f.id, m.user_id, 'task' FROM files f JOIN task_steps s ON s.id = f.task_step_id JOIN tasks k ON k.id = s.task_id
JOIN team_members m ON m.team_id = k.team_id
WHERE m.role IN ('director', 'leader') AND m.removed_at IS NULL
UNION ALL
SELECT f.id, m.user_id, 'team' FROM files f JOIN team_messages t ON t.id = f.team_message_id JOIN team_members m ON m.team_id = t.team_id
WHERE m.removed_at IS NULL;

-- Each member of a team is its own payee (issue 23): the business pays each person of the team its share out of the
-- escrow, against that person's own invoice, so the business is each person's payer (Income Tax Act art. 204 §1) and
-- withholds on an individual member whenever it is a withholding agent and the work is of a named kind — whether or not
-- the director is an individual. team_members_withheld is that, fixed at award as withholds is (docs/teams.md, "Money").
-- Team contracts made before keep what their award fixed: their members were withheld on exactly when the contract was.
ALTER TABLE contracts ADD COLUMN team_members_withheld boolean NOT NULL DEFAULT FALSE;
UPDATE contracts SET team_members_withheld = withholds WHERE team_id IS NOT NULL;
