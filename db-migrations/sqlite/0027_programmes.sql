-- Issue 29: the town's programme office. A programme (立科町社会福祉型テレワーク, Job-Hub…) serves municipalities, is run by
-- office staff (a new role, 'office'), registers workers as members from joining to withdrawal, checks their identity,
-- trains them in courses that grant badges, and reports figures by month. Jobs may require an NDA and verified workers,
-- and may be marked for beginners.

-- users.role gains 'office'. SQLite cannot alter a CHECK constraint, and rebuilding users (the 12-step procedure) fails
-- on a populated database: the migration runs in a transaction, where foreign keys cannot be turned off, so dropping
-- users breaks every reference to it. A CHECK that only admits one more value changes nothing on disk, so the table's
-- definition is edited in place instead (SQLite's documented procedure for such changes: "Making Other Kinds Of Table
-- Schema Changes"), and RESET re-reads the schema (and turns writable_schema off).
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(sql, 'role IN (''business'', ''worker'', ''producer'', ''administrator'')',
                       'role IN (''business'', ''worker'', ''producer'', ''administrator'', ''office'')')
WHERE type = 'table' AND name = 'users';
PRAGMA writable_schema = RESET;

-- A programme and the municipalities it serves, written as workers write their region (立科町, 長野県立科町).
-- prefecture decides which businesses are "inside the prefecture" in the figures (their address starts with it).
CREATE TABLE programmes (
    id         TEXT NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL,
    prefecture TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_programmes_name ON programmes (name);

CREATE TABLE programme_municipalities (
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    name         TEXT NOT NULL,
    PRIMARY KEY (programme_id, name)
);

-- Office staff: an account of the role 'office' works for one programme. The invitation's link lets the person set a
-- password once: the token is kept as its SHA-256 only, and redeemed by one conditional UPDATE.
CREATE TABLE programme_staff (
    user_id      TEXT NOT NULL PRIMARY KEY REFERENCES users (id),
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    invited_at   TEXT NOT NULL,
    token_hash   TEXT NULL,
    token_expires_at TEXT NULL,
    joined_at    TEXT NULL
);
CREATE INDEX ix_programme_staff_programme ON programme_staff (programme_id, user_id);
CREATE UNIQUE INDEX ux_programme_staff_token ON programme_staff (token_hash) WHERE token_hash IS NOT NULL;

-- A worker's membership: pending → approved → withdrawn (or withdrawn while pending). Each joining is a row of its own,
-- so a withdrawn member who rejoins keeps the history; one live row per programme and worker.
CREATE TABLE programme_members (
    id                TEXT NOT NULL PRIMARY KEY,
    programme_id      TEXT NOT NULL REFERENCES programmes (id),
    worker_id         TEXT NOT NULL REFERENCES users (id),
    municipality      TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'withdrawn')),
    requested_at      TEXT NOT NULL,
    approved_at       TEXT NULL,
    approved_by       TEXT NULL REFERENCES users (id),
    withdrawn_at      TEXT NULL,
    withdrawn_by      TEXT NULL REFERENCES users (id),
    withdrawal_reason TEXT NULL CHECK (withdrawal_reason IN ('job', 'moved', 'age', 'busy', 'health', 'other')),
    withdrawal_note   TEXT NULL
);
CREATE UNIQUE INDEX ux_programme_members_live ON programme_members (programme_id, worker_id) WHERE status IN ('pending', 'approved');
CREATE INDEX ix_programme_members_programme ON programme_members (programme_id, id);
CREATE INDEX ix_programme_members_worker ON programme_members (worker_id, id);

CREATE TABLE programme_notices (
    id           TEXT NOT NULL PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    posted_by    TEXT NOT NULL REFERENCES users (id),
    posted_at    TEXT NOT NULL
);
CREATE INDEX ix_programme_notices_programme ON programme_notices (programme_id, id);

-- An identity check. The image is a file of the file store while the check is pending (file_id); deciding deletes the
-- file and clears file_id. What stays is who asked, who decided, when, and the document's type (APPI data minimisation).
CREATE TABLE identity_checks (
    id            TEXT NOT NULL PRIMARY KEY,
    worker_id     TEXT NOT NULL REFERENCES users (id),
    file_id       TEXT NULL REFERENCES files (id),
    document_type TEXT NOT NULL CHECK (document_type IN ('driversLicence', 'myNumberCard', 'residenceCard')),
    status        TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
    requested_at  TEXT NOT NULL,
    decided_at    TEXT NULL,
    decided_by    TEXT NULL REFERENCES users (id),
    note          TEXT NULL
);
CREATE UNIQUE INDEX ux_identity_checks_pending ON identity_checks (worker_id) WHERE status = 'pending';
CREATE INDEX ix_identity_checks_worker ON identity_checks (worker_id, id);
CREATE INDEX ix_identity_checks_status ON identity_checks (status, id);
CREATE INDEX ix_identity_checks_file ON identity_checks (file_id) WHERE file_id IS NOT NULL;

-- The workers whose identity an office or an administrator verified.
CREATE VIEW verified_workers AS
SELECT i.worker_id, MAX(i.decided_at) AS verified_at FROM identity_checks i WHERE i.status = 'verified' GROUP BY i.worker_id;

-- Courses and badges. A course grants its badge on completion; first_job_by is the end of the 90 days in which a
-- completer's first contract counts for the figures (fixed when the completion is recorded).
CREATE TABLE badges (
    id           TEXT NOT NULL PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    name         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_badges_name ON badges (programme_id, name);

CREATE TABLE courses (
    id           TEXT NOT NULL PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    title        TEXT NOT NULL,
    skills       TEXT NOT NULL,
    starts_on    TEXT NOT NULL,
    ends_on      TEXT NOT NULL,
    capacity     INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    badge_id     TEXT NOT NULL REFERENCES badges (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX ix_courses_programme ON courses (programme_id, id);

CREATE TABLE course_enrolments (
    course_id    TEXT NOT NULL REFERENCES courses (id),
    worker_id    TEXT NOT NULL REFERENCES users (id),
    enrolled_at  TEXT NOT NULL,
    completed_at TEXT NULL,
    first_job_by TEXT NULL,
    PRIMARY KEY (course_id, worker_id)
);
CREATE INDEX ix_course_enrolments_worker ON course_enrolments (worker_id, course_id);

CREATE TABLE worker_badges (
    worker_id  TEXT NOT NULL REFERENCES users (id),
    badge_id   TEXT NOT NULL REFERENCES badges (id),
    course_id  TEXT NULL REFERENCES courses (id),
    granted_at TEXT NOT NULL,
    PRIMARY KEY (worker_id, badge_id)
);
CREATE INDEX ix_worker_badges_badge ON worker_badges (badge_id, worker_id);

-- Jobs: for beginners (入門案件, optionally naming a badge that also lets a worker bid), under an NDA (the platform's
-- template of a version, or the business's own PDF), for verified workers only; and the full description that only
-- those who accepted the NDA read (description stays the outline everyone who sees the job reads).
ALTER TABLE jobs ADD COLUMN beginners INTEGER NOT NULL DEFAULT 0 CHECK (beginners IN (0, 1));
ALTER TABLE jobs ADD COLUMN beginner_badge_id TEXT NULL REFERENCES badges (id);
ALTER TABLE jobs ADD COLUMN nda TEXT NOT NULL DEFAULT 'none' CHECK (nda IN ('none', 'template', 'file'));
ALTER TABLE jobs ADD COLUMN nda_template_version TEXT NULL;
ALTER TABLE jobs ADD COLUMN nda_file_id TEXT NULL REFERENCES files (id);
ALTER TABLE jobs ADD COLUMN verified_only INTEGER NOT NULL DEFAULT 0 CHECK (verified_only IN (0, 1));
ALTER TABLE jobs ADD COLUMN full_description TEXT NULL;
CREATE INDEX ix_jobs_nda_file ON jobs (nda_file_id) WHERE nda_file_id IS NOT NULL;

-- A worker's acceptance of a job's NDA: the template's version or the PDF's SHA-256, when, who.
CREATE TABLE nda_acceptances (
    id               TEXT NOT NULL PRIMARY KEY,
    job_id           TEXT NOT NULL REFERENCES jobs (id),
    worker_id        TEXT NOT NULL REFERENCES users (id),
    template_version TEXT NULL,
    file_sha256      TEXT NULL,
    accepted_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_nda_acceptances_once ON nda_acceptances (job_id, worker_id);

-- Who may read an NDA job's confidential part (its full description and reference files): its business and the
-- producers acting for it, and the workers who accepted its NDA.
CREATE VIEW nda_readers AS
SELECT a.job_id, a.user_id FROM jobs j JOIN job_audience a ON a.job_id = j.id
WHERE j.nda <> 'none' AND a.relation IN ('business', 'producer')
UNION ALL
SELECT n.job_id, n.worker_id FROM nda_acceptances n;

-- The read models gain the marks the board and the bids show.
DROP VIEW job_details;
CREATE VIEW job_details AS
SELECT j.id, j.business_id, u.display_name AS business_name, j.producer_id, j.title, j.description, j.category,
       j.budget_min, j.budget_max, j.deadline, j.region, j.producer_review, j.status, j.created_at, j.members_only,
       (SELECT COUNT(*) FROM bids b WHERE b.job_id = j.id AND b.status <> 'withdrawn') AS bid_count,
       j.beginners, j.nda, j.verified_only
FROM jobs j JOIN users u ON u.id = j.business_id;

DROP VIEW bid_details;
CREATE VIEW bid_details AS
SELECT b.id, b.job_id, j.title AS job_title, b.worker_id, u.display_name AS worker_name,
       (SELECT ROUND(AVG(r.rating * 1.0), 2) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_rating,
       (SELECT COUNT(*) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_review_count,
       b.amount, b.delivery_days, b.message, b.status, b.created_at,
       CASE WHEN EXISTS (SELECT 1 FROM identity_checks i WHERE i.worker_id = b.worker_id AND i.status = 'verified') THEN 1 ELSE 0 END AS worker_verified
FROM bids b JOIN jobs j ON j.id = b.job_id JOIN users u ON u.id = b.worker_id;

-- Files: an identity image is nobody's download (its office reads it through the check); an NDA job's reference files
-- go to its NDA's readers instead of everyone who sees the job; a job's NDA document to everyone who sees the job.
DROP VIEW file_audience;
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, 'uploader' AS relation FROM files f
WHERE NOT EXISTS (SELECT 1 FROM identity_checks i WHERE i.file_id = f.id)
UNION ALL
SELECT f.id, v.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_viewers v ON v.job_id = j.id
WHERE j.confidential_files = 0 AND j.nda = 'none'
UNION ALL
SELECT f.id, r.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN nda_readers r ON r.job_id = j.id
WHERE j.confidential_files = 0 AND j.nda <> 'none'
UNION ALL
SELECT f.id, v.user_id, 'nda' FROM jobs j JOIN files f ON f.id = j.nda_file_id JOIN job_viewers v ON v.job_id = j.id
UNION ALL
SELECT f.id, a.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = 1 AND a.relation IN ('business', 'producer')
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
JOIN users u ON u.role = 'administrator';

-- The figures' months: each Japanese calendar month from 2000-01 to 2099-12 as the UTC times it starts and ends, and
-- the start of the 90 days before its end (active members). Handler SQL groups rows into months by comparing their
-- times with these columns, which every engine can do without a date function of its own. Times as SQLite keeps them
-- (Platform/TimeHandlers.cs: fixed-width UTC text).
CREATE TABLE calendar_months (
    month       TEXT NOT NULL PRIMARY KEY,
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    active_from TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_calendar_months_starts ON calendar_months (starts_at);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1199)
INSERT INTO calendar_months (month, starts_at, ends_at, active_from)
SELECT strftime('%Y-%m', '2000-01-01', '+' || i || ' months'),
       strftime('%Y-%m-%dT%H:%M:%S', '2000-01-01', '+' || i || ' months', '-9 hours') || '.0000000Z',
       strftime('%Y-%m-%dT%H:%M:%S', '2000-01-01', '+' || (i + 1) || ' months', '-9 hours') || '.0000000Z',
       strftime('%Y-%m-%dT%H:%M:%S', '2000-01-01', '+' || (i + 1) || ' months', '-9 hours', '-90 days') || '.0000000Z'
FROM n;
