-- Issue 24, contests (コンペ形式): a business posts a job of format 'contest' with a prize escrowed at posting, a
-- deadline 3 to 30 days away and a minimum number of entries; workers submit entries (files with image previews);
-- the business chooses a winner within 14 days after the deadline, whose prize becomes a contract that goes straight
-- to acceptance. status: open (taking entries, then awaiting the winner's choice) → awarded (a winner was chosen) or
-- refunded (fewer entries than the minimum at the deadline: the prize went back to the business, once).
CREATE TABLE contests (
    job_id                 text NOT NULL PRIMARY KEY REFERENCES jobs (id),
    prize                  bigint NOT NULL CHECK (prize >= 1),
    minimum_entries        integer NOT NULL CHECK (minimum_entries >= 1),
    entries_close_at       timestamptz NOT NULL,
    choose_by              timestamptz NOT NULL,
    copyright_transfers    boolean NOT NULL DEFAULT FALSE,
    status                 text NOT NULL CHECK (status IN ('open', 'awarded', 'refunded')),
    winner_entry_id        text NULL,
    chosen_by              text NULL REFERENCES users (id),
    administrators_told_at timestamptz NULL,
    closed_at              timestamptz NULL,
    created_at             timestamptz NOT NULL
);
-- The clock's two reads: contests past their deadline, and contests past the 14 days to choose.
CREATE INDEX ix_contests_status ON contests (status, entries_close_at);
CREATE INDEX ix_contests_choose_by ON contests (status, choose_by);

CREATE TABLE contest_entries (
    id         text NOT NULL PRIMARY KEY,
    job_id     text NOT NULL REFERENCES contests (job_id),
    worker_id  text NOT NULL REFERENCES users (id),
    note       text NOT NULL,
    rating     integer NULL CHECK (rating BETWEEN 1 AND 5),
    comment    text NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_contest_entries_job ON contest_entries (job_id, id);
CREATE INDEX ix_contest_entries_worker ON contest_entries (worker_id, id);

-- An entry's files (its images are shown as previews).
ALTER TABLE files ADD COLUMN entry_id text NULL REFERENCES contest_entries (id);
CREATE INDEX ix_files_entry ON files (entry_id, id) WHERE entry_id IS NOT NULL;

-- Who may read an entry: its author always (a closed contest's too); the contest's business and its producers; the
-- administrators, who decide the winner when the business did not; and, once the winner is chosen, every other
-- entrant of the contest (once per other entry of its own: readers are asked with EXISTS). Until then an entrant sees only its own entries, so that ideas are not copied.
CREATE VIEW contest_entry_readers AS
SELECT e.id AS entry_id, e.worker_id AS user_id, 'author' AS relation FROM contest_entries e
UNION ALL
SELECT e.id, a.user_id, a.relation FROM contest_entries e JOIN job_audience a ON a.job_id = e.job_id
WHERE a.relation IN ('business', 'producer')
UNION ALL
SELECT e.id, u.id, 'administrator' FROM contest_entries e CROSS JOIN users u WHERE u.role = 'administrator'
UNION ALL
SELECT e.id, x.worker_id, 'entrant' FROM contest_entries e JOIN contests c ON c.job_id = e.job_id
JOIN contest_entries x ON x.job_id = e.job_id
WHERE c.status = 'awarded' AND x.worker_id <> e.worker_id;

-- 0032's file_audience with the readers of an entry's files added (the last branch).
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
SELECT f.id, r.user_id, 'contest' FROM files f JOIN contest_entry_readers r ON r.entry_id = f.entry_id;
