-- Issue 29: the town's programme office. A programme (立科町社会福祉型テレワーク, Job-Hub…) serves municipalities, is run by
-- office staff (a new role, 'office'), registers workers as members from joining to withdrawal, checks their identity,
-- trains them in courses that grant badges, and reports figures by month. Jobs may require an NDA and verified workers,
-- and may be marked for beginners.

-- users.role gains 'office': the CHECK PostgreSQL named users_role_check when 0001 made it is replaced.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT ck_users_role CHECK (role IN ('business', 'worker', 'producer', 'administrator', 'office'));

-- A programme and the municipalities it serves, written as workers write their region (立科町, 長野県立科町).
-- prefecture decides which businesses are "inside the prefecture" in the figures (their address starts with it).
CREATE TABLE programmes (
    id         text NOT NULL PRIMARY KEY,
    name       text NOT NULL,
    prefecture text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_programmes_name ON programmes (name);

CREATE TABLE programme_municipalities (
    programme_id text NOT NULL REFERENCES programmes (id),
    name         text NOT NULL,
    PRIMARY KEY (programme_id, name)
);

-- Office staff: an account of the role 'office' works for one programme. The invitation's link lets the person set a
-- password once: the token is kept as its SHA-256 only, and redeemed by one conditional UPDATE.
CREATE TABLE programme_staff (
    user_id      text NOT NULL PRIMARY KEY REFERENCES users (id),
    programme_id text NOT NULL REFERENCES programmes (id),
    invited_at   timestamptz NOT NULL,
    token_hash   text NULL,
    token_expires_at timestamptz NULL,
    joined_at    timestamptz NULL
);
CREATE INDEX ix_programme_staff_programme ON programme_staff (programme_id, user_id);
CREATE UNIQUE INDEX ux_programme_staff_token ON programme_staff (token_hash) WHERE token_hash IS NOT NULL;

-- A worker's membership: pending → approved → withdrawn (or withdrawn while pending). Each joining is a row of its own,
-- so a withdrawn member who rejoins keeps the history; one live row per programme and worker.
CREATE TABLE programme_members (
    id                text NOT NULL PRIMARY KEY,
    programme_id      text NOT NULL REFERENCES programmes (id),
    worker_id         text NOT NULL REFERENCES users (id),
    municipality      text NOT NULL,
    status            text NOT NULL CHECK (status IN ('pending', 'approved', 'withdrawn')),
    requested_at      timestamptz NOT NULL,
    approved_at       timestamptz NULL,
    approved_by       text NULL REFERENCES users (id),
    withdrawn_at      timestamptz NULL,
    withdrawn_by      text NULL REFERENCES users (id),
    withdrawal_reason text NULL CHECK (withdrawal_reason IN ('job', 'moved', 'age', 'busy', 'health', 'other')),
    withdrawal_note   text NULL
);
CREATE UNIQUE INDEX ux_programme_members_live ON programme_members (programme_id, worker_id) WHERE status IN ('pending', 'approved');
CREATE INDEX ix_programme_members_programme ON programme_members (programme_id, id);
CREATE INDEX ix_programme_members_worker ON programme_members (worker_id, id);

CREATE TABLE programme_notices (
    id           text NOT NULL PRIMARY KEY,
    programme_id text NOT NULL REFERENCES programmes (id),
    title        text NOT NULL,
    body         text NOT NULL,
    posted_by    text NOT NULL REFERENCES users (id),
    posted_at    timestamptz NOT NULL
);
CREATE INDEX ix_programme_notices_programme ON programme_notices (programme_id, id);

-- An identity check. The image is a file of the file store while the check is pending (file_id); deciding deletes the
-- file and clears file_id. What stays is who asked, who decided, when, and the document's type (APPI data minimisation).
CREATE TABLE identity_checks (
    id            text NOT NULL PRIMARY KEY,
    worker_id     text NOT NULL REFERENCES users (id),
    file_id       text NULL REFERENCES files (id),
    document_type text NOT NULL CHECK (document_type IN ('driversLicence', 'myNumberCard', 'residenceCard')),
    status        text NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
    requested_at  timestamptz NOT NULL,
    decided_at    timestamptz NULL,
    decided_by    text NULL REFERENCES users (id),
    note          text NULL
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
    id           text NOT NULL PRIMARY KEY,
    programme_id text NOT NULL REFERENCES programmes (id),
    name         text NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_badges_name ON badges (programme_id, name);

CREATE TABLE courses (
    id           text NOT NULL PRIMARY KEY,
    programme_id text NOT NULL REFERENCES programmes (id),
    title        text NOT NULL,
    skills       text NOT NULL,
    starts_on    date NOT NULL,
    ends_on      date NOT NULL,
    capacity     integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    badge_id     text NOT NULL REFERENCES badges (id),
    created_at   timestamptz NOT NULL
);
CREATE INDEX ix_courses_programme ON courses (programme_id, id);

CREATE TABLE course_enrolments (
    course_id    text NOT NULL REFERENCES courses (id),
    worker_id    text NOT NULL REFERENCES users (id),
    enrolled_at  timestamptz NOT NULL,
    completed_at timestamptz NULL,
    first_job_by timestamptz NULL,
    PRIMARY KEY (course_id, worker_id)
);
CREATE INDEX ix_course_enrolments_worker ON course_enrolments (worker_id, course_id);

CREATE TABLE worker_badges (
    worker_id  text NOT NULL REFERENCES users (id),
    badge_id   text NOT NULL REFERENCES badges (id),
    course_id  text NULL REFERENCES courses (id),
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (worker_id, badge_id)
);
CREATE INDEX ix_worker_badges_badge ON worker_badges (badge_id, worker_id);

-- Jobs: for beginners (入門案件, optionally naming a badge that also lets a worker bid), under an NDA (the platform's
-- template of a version, or the business's own PDF), for verified workers only; and the full description that only
-- those who accepted the NDA read (description stays the outline everyone who sees the job reads).
ALTER TABLE jobs ADD COLUMN beginners boolean NOT NULL DEFAULT FALSE;
ALTER TABLE jobs ADD COLUMN beginner_badge_id text NULL REFERENCES badges (id);
ALTER TABLE jobs ADD COLUMN nda text NOT NULL DEFAULT 'none' CHECK (nda IN ('none', 'template', 'file'));
ALTER TABLE jobs ADD COLUMN nda_template_version text NULL;
ALTER TABLE jobs ADD COLUMN nda_file_id text NULL REFERENCES files (id);
ALTER TABLE jobs ADD COLUMN verified_only boolean NOT NULL DEFAULT FALSE;
ALTER TABLE jobs ADD COLUMN full_description text NULL;
CREATE INDEX ix_jobs_nda_file ON jobs (nda_file_id) WHERE nda_file_id IS NOT NULL;

-- A worker's acceptance of a job's NDA: the template's version or the PDF's SHA-256, when, who.
CREATE TABLE nda_acceptances (
    id               text NOT NULL PRIMARY KEY,
    job_id           text NOT NULL REFERENCES jobs (id),
    worker_id        text NOT NULL REFERENCES users (id),
    template_version text NULL,
    file_sha256      text NULL,
    accepted_at      timestamptz NOT NULL
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
       (SELECT CAST(ROUND(AVG(r.rating * 1.0), 2) AS double precision) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_rating,
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

-- The figures' months: each Japanese calendar month from 2000-01 to 2099-12 as the times it starts and ends, and the
-- start of the 90 days before its end (active members). Handler SQL groups rows into months by comparing their times
-- with these columns, which every engine can do without a date function of its own.
CREATE TABLE calendar_months (
    month       text NOT NULL PRIMARY KEY,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    active_from timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_calendar_months_starts ON calendar_months (starts_at);
INSERT INTO calendar_months (month, starts_at, ends_at, active_from)
SELECT to_char(m, 'YYYY-MM'),
       (m AT TIME ZONE 'Asia/Tokyo'),
       ((m + interval '1 month') AT TIME ZONE 'Asia/Tokyo'),
       ((m + interval '1 month') AT TIME ZONE 'Asia/Tokyo') - interval '90 days'
FROM generate_series(timestamp '2000-01-01', timestamp '2099-12-01', interval '1 month') AS m;
