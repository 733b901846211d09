-- Issue 27, part 3: disputes that hear both sides, contact tickets, a worker's portfolio (the SQLite script explains
-- each step).

ALTER TABLE disputes ADD statements_due_at datetimeoffset(7) NULL;
GO
-- Disputes opened before this script were decidable at once, and stay so.
UPDATE disputes SET statements_due_at = created_at;
GO

ALTER TABLE files ADD statement_id nvarchar(32) NULL REFERENCES dispute_statements (id);
ALTER TABLE files ADD portfolio_of nvarchar(32) NULL REFERENCES users (id);
GO
CREATE INDEX ix_files_statement ON files (statement_id, id) WHERE statement_id IS NOT NULL;
CREATE INDEX ix_files_portfolio ON files (portfolio_of, id) WHERE portfolio_of IS NOT NULL;
DROP INDEX ix_files_unattached ON files;
CREATE INDEX ix_files_unattached ON files (created_at)
    WHERE job_id IS NULL AND message_id IS NULL AND submission_id IS NULL AND revision_id IS NULL
      AND statement_id IS NULL AND portfolio_of IS NULL;
GO

DROP VIEW dispute_details;
GO
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
GO

DROP VIEW file_audience;
GO
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, N'uploader' AS relation FROM files f
UNION ALL
SELECT f.id, v.user_id, N'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_viewers v ON v.job_id = j.id
WHERE j.confidential_files = 0
UNION ALL
SELECT f.id, a.user_id, N'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = 1 AND a.relation IN (N'business', N'producer')
UNION ALL
SELECT f.id, c.worker_id, N'job' FROM files f JOIN contracts c ON c.job_id = f.job_id
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN messages m ON m.id = f.message_id JOIN contract_parties p ON p.contract_id = m.contract_id
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN contract_parties p ON p.contract_id = s.contract_id
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN contract_parties p ON p.contract_id = r.contract_id
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN contracts c ON c.job_id = f.job_id JOIN disputes d ON d.contract_id = c.id
JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN messages m ON m.id = f.message_id JOIN disputes d ON d.contract_id = m.contract_id
JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN disputes d ON d.contract_id = s.contract_id
JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN disputes d ON d.contract_id = r.contract_id
JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, p.user_id, N'dispute' FROM files f JOIN dispute_statements s ON s.id = f.statement_id JOIN disputes d ON d.id = s.dispute_id
JOIN contract_parties p ON p.contract_id = d.contract_id
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN dispute_statements s ON s.id = f.statement_id JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, u.id, N'portfolio' FROM files f CROSS JOIN users u WHERE f.portfolio_of IS NOT NULL;
GO

CREATE TABLE support_tickets (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    user_id       nvarchar(32) NOT NULL REFERENCES users (id),
    subject       nvarchar(400) NOT NULL,
    body          nvarchar(max) NOT NULL,
    status        nvarchar(20) NOT NULL CHECK (status IN (N'open', N'answered')),
    created_at    datetimeoffset(7) NOT NULL,
    last_reply_at datetimeoffset(7) NULL
);
CREATE INDEX ix_support_tickets_user ON support_tickets (user_id, id);
CREATE INDEX ix_support_tickets_status ON support_tickets (status, id);
CREATE INDEX ix_support_tickets_user_created ON support_tickets (user_id, created_at);

CREATE TABLE support_ticket_replies (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    ticket_id   nvarchar(32) NOT NULL REFERENCES support_tickets (id),
    author_id   nvarchar(32) NOT NULL REFERENCES users (id),
    from_office bit NOT NULL,
    body        nvarchar(max) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_support_ticket_replies_ticket ON support_ticket_replies (ticket_id, id);
