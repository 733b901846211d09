-- Conversations and files (issue 9): files on jobs, messages, submissions and revision requests; questions before
-- bidding; a message thread per contract with each party's read position; mail of every notification through an
-- outbox, with each person's language and per-kind delivery setting.

-- The person's language: mail is written in it. Japanese unless the person chooses English.
ALTER TABLE users ADD language nvarchar(10) NOT NULL DEFAULT N'ja' CHECK (language IN (N'ja', N'en'));

-- A job may mark its reference files confidential: then only its business, producers and awarded worker read them.
ALTER TABLE jobs ADD confidential_files bit NOT NULL DEFAULT 0;

-- A contract's thread.
CREATE TABLE messages (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id nvarchar(32) NOT NULL REFERENCES contracts (id),
    sender_id   nvarchar(32) NOT NULL REFERENCES users (id),
    body        nvarchar(max) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_messages_contract ON messages (contract_id, id);

-- How far each party has read a thread: the id of the newest message it has seen (ids are time-ordered).
CREATE TABLE message_reads (
    contract_id nvarchar(32) NOT NULL REFERENCES contracts (id),
    user_id     nvarchar(32) NOT NULL REFERENCES users (id),
    up_to       nvarchar(64) NOT NULL,
    PRIMARY KEY (contract_id, user_id)
);

-- Questions before bidding, and the job's one answer to each.
CREATE TABLE questions (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    job_id        nvarchar(32) NOT NULL REFERENCES jobs (id),
    asker_id      nvarchar(32) NOT NULL REFERENCES users (id),
    body          nvarchar(max) NOT NULL,
    created_at    datetimeoffset(7) NOT NULL,
    answer        nvarchar(max) NULL,
    answer_public bit NULL,
    answered_by   nvarchar(32) NULL REFERENCES users (id),
    answered_at   datetimeoffset(7) NULL,
    -- an answer and its time come together (SQLite: (answer IS NULL) = (answered_at IS NULL))
    CHECK ((answer IS NULL AND answered_at IS NULL) OR (answer IS NOT NULL AND answered_at IS NOT NULL))
);
CREATE INDEX ix_questions_job ON questions (job_id, id);

-- Uploaded files. The bytes live in the file store under their SHA-256 (the same bytes uploaded twice are stored
-- once); a row names them. A file is unattached until one job, message, submission or revision request names it.
CREATE TABLE files (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    owner_id      nvarchar(32) NOT NULL REFERENCES users (id),
    name          nvarchar(max) NOT NULL,
    size          bigint NOT NULL CHECK (size >= 0),
    content_type  nvarchar(max) NOT NULL,
    sha256        nvarchar(64) NOT NULL,
    created_at    datetimeoffset(7) NOT NULL,
    job_id        nvarchar(32) NULL REFERENCES jobs (id),
    message_id    nvarchar(32) NULL REFERENCES messages (id),
    submission_id nvarchar(32) NULL REFERENCES submissions (id),
    revision_id   nvarchar(32) NULL REFERENCES revision_requests (id),
    CHECK (CASE WHEN job_id IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN message_id IS NOT NULL THEN 1 ELSE 0 END
           + CASE WHEN submission_id IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN revision_id IS NOT NULL THEN 1 ELSE 0 END <= 1)
);
CREATE INDEX ix_files_owner ON files (owner_id, id);
CREATE INDEX ix_files_sha256 ON files (sha256);
CREATE INDEX ix_files_job ON files (job_id, id) WHERE job_id IS NOT NULL;
CREATE INDEX ix_files_message ON files (message_id, id) WHERE message_id IS NOT NULL;
CREATE INDEX ix_files_submission ON files (submission_id, id) WHERE submission_id IS NOT NULL;
CREATE INDEX ix_files_revision ON files (revision_id, id) WHERE revision_id IS NOT NULL;
-- The sweep finds files nothing names, oldest first.
CREATE INDEX ix_files_unattached ON files (created_at)
    WHERE job_id IS NULL AND message_id IS NULL AND submission_id IS NULL AND revision_id IS NULL;

-- How each person wants each kind of notification by mail; no row is 'immediately'.
CREATE TABLE notification_settings (
    user_id  nvarchar(32) NOT NULL REFERENCES users (id),
    kind     nvarchar(50) NOT NULL,
    delivery nvarchar(20) NOT NULL CHECK (delivery IN (N'immediately', N'daily', N'never')),
    PRIMARY KEY (user_id, kind)
);

-- Mail to send, written in the same transaction as its notification. A sender claims due rows with a lease (a
-- conditional UPDATE), so that several API instances never send one twice; a failure waits longer each time.
CREATE TABLE mail_outbox (
    id              nvarchar(32) NOT NULL PRIMARY KEY,
    notification_id nvarchar(32) NOT NULL REFERENCES notifications (id),
    user_id         nvarchar(32) NOT NULL REFERENCES users (id),
    digest          bit NOT NULL,
    status          nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'sent', N'logged', N'failed', N'dropped')),
    attempts        bigint NOT NULL DEFAULT 0,
    next_attempt_at datetimeoffset(7) NOT NULL,
    lease           nvarchar(32) NULL,
    lease_until     datetimeoffset(7) NULL,
    sent_at         datetimeoffset(7) NULL,
    last_error      nvarchar(max) NULL,
    created_at      datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_mail_outbox_notification ON mail_outbox (notification_id);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_lease ON mail_outbox (lease);
GO

-- Who may read a file, beside its uploader: a job's files follow the job's audience (job_audience, and whatever makes a
-- job visible to everyone, which the file route adds as the job's own rule); a confidential job's only its business,
-- producers and awarded worker; a message's, submission's or revision request's the contract's parties.
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, N'uploader' AS relation FROM files f
UNION ALL
SELECT f.id, a.user_id, N'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = 0 OR a.relation IN (N'business', N'producer')
UNION ALL
SELECT f.id, c.worker_id, N'job' FROM files f JOIN contracts c ON c.job_id = f.job_id
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN messages m ON m.id = f.message_id JOIN contract_parties p ON p.contract_id = m.contract_id
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN contract_parties p ON p.contract_id = s.contract_id
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN contract_parties p ON p.contract_id = r.contract_id;
