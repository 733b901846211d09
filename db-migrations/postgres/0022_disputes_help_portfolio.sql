-- Issue 27, part 3: disputes that hear both sides, contact tickets, a worker's portfolio.

-- A dispute waits for both parties' own accounts until statements_due_at: an administrator decides once both have
-- given theirs or that moment has passed (DecideDispute's conditional UPDATE reads it). Disputes opened before this
-- script were decidable at once, and stay so.
ALTER TABLE disputes ADD COLUMN statements_due_at timestamptz NULL;
UPDATE disputes SET statements_due_at = created_at;

-- A statement carries files (photos of the work, the exchange that went wrong), and a worker shows chosen files on its
-- profile (portfolio_of: the worker). Each is one more thing a file can be attached to, one at a time like the rest.
ALTER TABLE files ADD COLUMN statement_id text NULL REFERENCES dispute_statements (id);
ALTER TABLE files ADD COLUMN portfolio_of text NULL REFERENCES users (id);
CREATE INDEX ix_files_statement ON files (statement_id, id) WHERE statement_id IS NOT NULL;
CREATE INDEX ix_files_portfolio ON files (portfolio_of, id) WHERE portfolio_of IS NOT NULL;
DROP INDEX ix_files_unattached;
CREATE INDEX ix_files_unattached ON files (created_at)
    WHERE job_id IS NULL AND message_id IS NULL AND submission_id IS NULL AND revision_id IS NULL
      AND statement_id IS NULL AND portfolio_of IS NULL;

-- The dispute's page shows until when statements are awaited.
DROP VIEW dispute_details;
CREATE VIEW dispute_details AS
SELECT d.id, d.contract_id, j.title AS job_title, d.business_id, b.display_name AS business_name, d.worker_id,
       w.display_name AS worker_name, c.amount, d.status, d.created_at, d.statements_due_at, d.decided_at, d.worker_share,
       d.decision_reason, a.display_name AS decided_by_name
FROM disputes d
JOIN contracts c ON c.id = d.contract_id
JOIN jobs j ON j.id = c.job_id
JOIN users b ON b.id = d.business_id
JOIN users w ON w.id = d.worker_id
LEFT JOIN users a ON a.id = d.decided_by;

-- Who reads a file gains two kinds of reader: a statement's files are the dispute's (both parties, as they read each
-- other's statements, and every administrator, who decides); a portfolio's files are everyone's who is signed in, as
-- the worker's profile is (visitors read neither: a profile is not on the public board).
DROP VIEW file_audience;
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, 'uploader' AS relation FROM files f
UNION ALL
SELECT f.id, v.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_viewers v ON v.job_id = j.id
WHERE j.confidential_files = FALSE
UNION ALL
SELECT f.id, a.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = TRUE AND a.relation IN ('business', 'producer')
UNION ALL
SELECT f.id, c.worker_id, 'job' FROM files f JOIN contracts c ON c.job_id = f.job_id
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
SELECT f.id, u.id, 'portfolio' FROM files f CROSS JOIN users u WHERE f.portfolio_of IS NOT NULL;

-- What a signed-in person asks the office (the contact form), and the answers. status: 'open' while the office owes an
-- answer (a new ticket, or the person wrote again), 'answered' once the office replied. A ticket is its first message;
-- every later message, the office's or the person's, is a reply.
CREATE TABLE support_tickets (
    id            text NOT NULL PRIMARY KEY,
    user_id       text NOT NULL REFERENCES users (id),
    subject       text NOT NULL,
    body          text NOT NULL,
    status        text NOT NULL CHECK (status IN ('open', 'answered')),
    created_at    timestamptz NOT NULL,
    last_reply_at timestamptz NULL
);
CREATE INDEX ix_support_tickets_user ON support_tickets (user_id, id);
CREATE INDEX ix_support_tickets_status ON support_tickets (status, id);
-- The throttle counts a person's recent tickets.
CREATE INDEX ix_support_tickets_user_created ON support_tickets (user_id, created_at);

CREATE TABLE support_ticket_replies (
    id          text NOT NULL PRIMARY KEY,
    ticket_id   text NOT NULL REFERENCES support_tickets (id),
    author_id   text NOT NULL REFERENCES users (id),
    from_office boolean NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_support_ticket_replies_ticket ON support_ticket_replies (ticket_id, id);
