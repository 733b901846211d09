-- Conversations and files (issue 9): files on jobs, messages, submissions and revision requests; questions before
-- bidding; a message thread per contract with each party's read position; mail of every notification through an
-- outbox, with each person's language and per-kind delivery setting.

-- The person's language: mail is written in it. Japanese unless the person chooses English.
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en'));

-- A job may mark its reference files confidential: then only its business, producers and awarded worker read them.
ALTER TABLE jobs ADD COLUMN confidential_files boolean NOT NULL DEFAULT FALSE;

-- A contract's thread.
CREATE TABLE messages (
    id          text NOT NULL PRIMARY KEY,
    contract_id text NOT NULL REFERENCES contracts (id),
    sender_id   text NOT NULL REFERENCES users (id),
    body        text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_messages_contract ON messages (contract_id, id);

-- How far each party has read a thread: the id of the newest message it has seen (ids are time-ordered).
CREATE TABLE message_reads (
    contract_id text NOT NULL REFERENCES contracts (id),
    user_id     text NOT NULL REFERENCES users (id),
    up_to       text NOT NULL,
    PRIMARY KEY (contract_id, user_id)
);

-- Questions before bidding, and the job's one answer to each.
CREATE TABLE questions (
    id            text NOT NULL PRIMARY KEY,
    job_id        text NOT NULL REFERENCES jobs (id),
    asker_id      text NOT NULL REFERENCES users (id),
    body          text NOT NULL,
    created_at    timestamptz NOT NULL,
    answer        text NULL,
    answer_public boolean NULL,
    answered_by   text NULL REFERENCES users (id),
    answered_at   timestamptz NULL,
    CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX ix_questions_job ON questions (job_id, id);

-- Uploaded files. The bytes live in the file store under their SHA-256 (the same bytes uploaded twice are stored
-- once); a row names them. A file is unattached until one job, message, submission or revision request names it.
CREATE TABLE files (
    id            text NOT NULL PRIMARY KEY,
    owner_id      text NOT NULL REFERENCES users (id),
    name          text NOT NULL,
    size          bigint NOT NULL CHECK (size >= 0),
    content_type  text NOT NULL,
    sha256        text NOT NULL,
    created_at    timestamptz NOT NULL,
    job_id        text NULL REFERENCES jobs (id),
    message_id    text NULL REFERENCES messages (id),
    submission_id text NULL REFERENCES submissions (id),
    revision_id   text NULL REFERENCES revision_requests (id),
    CHECK (num_nonnulls(job_id, message_id, submission_id, revision_id) <= 1)
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

-- Who may read a file, beside its uploader: a job's files follow the job's audience (job_audience, and whatever makes a
-- job visible to everyone, which the file route adds as the job's own rule); a confidential job's only its business,
-- producers and awarded worker; a message's, submission's or revision request's the contract's parties.
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, 'uploader' AS relation FROM files f
UNION ALL
SELECT f.id, a.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = FALSE OR a.relation IN ('business', 'producer')
UNION ALL
SELECT f.id, c.worker_id, 'job' FROM files f JOIN contracts c ON c.job_id = f.job_id
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN messages m ON m.id = f.message_id JOIN contract_parties p ON p.contract_id = m.contract_id
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN contract_parties p ON p.contract_id = s.contract_id
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN contract_parties p ON p.contract_id = r.contract_id;

-- How each person wants each kind of notification by mail; no row is 'immediately'.
CREATE TABLE notification_settings (
    user_id  text NOT NULL REFERENCES users (id),
    kind     text NOT NULL,
    delivery text NOT NULL CHECK (delivery IN ('immediately', 'daily', 'never')),
    PRIMARY KEY (user_id, kind)
);

-- Mail to send, written in the same transaction as its notification. A sender claims due rows with a lease (a
-- conditional UPDATE), so that several API instances never send one twice; a failure waits longer each time.
CREATE TABLE mail_outbox (
    id              text NOT NULL PRIMARY KEY,
    notification_id text NOT NULL REFERENCES notifications (id),
    user_id         text NOT NULL REFERENCES users (id),
    digest          boolean NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'sent', 'logged', 'failed', 'dropped')),
    attempts        bigint NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease           text NULL,
    lease_until     timestamptz NULL,
    sent_at         timestamptz NULL,
    last_error      text NULL,
    created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_mail_outbox_notification ON mail_outbox (notification_id);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_lease ON mail_outbox (lease);
