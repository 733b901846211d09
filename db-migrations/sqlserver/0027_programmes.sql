-- Issue 29: the town's programme office. A programme (立科町社会福祉型テレワーク, Job-Hub…) serves municipalities, is run by
-- office staff (a new role, 'office'), registers workers as members from joining to withdrawal, checks their identity,
-- trains them in courses that grant badges, and reports figures by month. Jobs may require an NDA and verified workers,
-- and may be marked for beginners.

-- users.role gains 'office'. 0001 left the role's CHECK unnamed, so SQL Server named it itself: it is found by its
-- column and dropped, then made again with a name a later step can use.
DECLARE @role_check sysname = (SELECT cc.name FROM sys.check_constraints cc
    JOIN sys.columns c ON c.object_id = cc.parent_object_id AND c.column_id = cc.parent_column_id
    WHERE cc.parent_object_id = OBJECT_ID(N'users') AND c.name = N'role');
DECLARE @drop nvarchar(max) = N'ALTER TABLE users DROP CONSTRAINT ' + QUOTENAME(@role_check);
EXEC sp_executesql @drop;
ALTER TABLE users ADD CONSTRAINT ck_users_role CHECK (role IN (N'business', N'worker', N'producer', N'administrator', N'office'));
GO

-- A programme and the municipalities it serves, written as workers write their region (立科町, 長野県立科町).
-- prefecture decides which businesses are "inside the prefecture" in the figures (their address starts with it).
CREATE TABLE programmes (
    id         nvarchar(32) NOT NULL PRIMARY KEY,
    name       nvarchar(200) NOT NULL,
    prefecture nvarchar(200) NOT NULL,
    created_at datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_programmes_name ON programmes (name);

CREATE TABLE programme_municipalities (
    programme_id nvarchar(32) NOT NULL REFERENCES programmes (id),
    name         nvarchar(200) NOT NULL,
    PRIMARY KEY (programme_id, name)
);

-- Office staff: an account of the role 'office' works for one programme. The invitation's link lets the person set a
-- password once: the token is kept as its SHA-256 only, and redeemed by one conditional UPDATE.
CREATE TABLE programme_staff (
    user_id      nvarchar(32) NOT NULL PRIMARY KEY REFERENCES users (id),
    programme_id nvarchar(32) NOT NULL REFERENCES programmes (id),
    invited_at   datetimeoffset(7) NOT NULL,
    token_hash   nvarchar(64) NULL,
    token_expires_at datetimeoffset(7) NULL,
    joined_at    datetimeoffset(7) NULL
);
CREATE INDEX ix_programme_staff_programme ON programme_staff (programme_id, user_id);
CREATE UNIQUE INDEX ux_programme_staff_token ON programme_staff (token_hash) WHERE token_hash IS NOT NULL;

-- A worker's membership: pending → approved → withdrawn (or withdrawn while pending). Each joining is a row of its own,
-- so a withdrawn member who rejoins keeps the history; one live row per programme and worker.
CREATE TABLE programme_members (
    id                nvarchar(32) NOT NULL PRIMARY KEY,
    programme_id      nvarchar(32) NOT NULL REFERENCES programmes (id),
    worker_id         nvarchar(32) NOT NULL REFERENCES users (id),
    municipality      nvarchar(max) NOT NULL,
    status            nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'approved', N'withdrawn')),
    requested_at      datetimeoffset(7) NOT NULL,
    approved_at       datetimeoffset(7) NULL,
    approved_by       nvarchar(32) NULL REFERENCES users (id),
    withdrawn_at      datetimeoffset(7) NULL,
    withdrawn_by      nvarchar(32) NULL REFERENCES users (id),
    withdrawal_reason nvarchar(20) NULL CHECK (withdrawal_reason IN (N'job', N'moved', N'age', N'busy', N'health', N'other')),
    withdrawal_note   nvarchar(max) NULL
);
CREATE UNIQUE INDEX ux_programme_members_live ON programme_members (programme_id, worker_id) WHERE status IN (N'pending', N'approved');
CREATE INDEX ix_programme_members_programme ON programme_members (programme_id, id);
CREATE INDEX ix_programme_members_worker ON programme_members (worker_id, id);

CREATE TABLE programme_notices (
    id           nvarchar(32) NOT NULL PRIMARY KEY,
    programme_id nvarchar(32) NOT NULL REFERENCES programmes (id),
    title        nvarchar(max) NOT NULL,
    body         nvarchar(max) NOT NULL,
    posted_by    nvarchar(32) NOT NULL REFERENCES users (id),
    posted_at    datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_programme_notices_programme ON programme_notices (programme_id, id);

-- An identity check. The image is a file of the file store while the check is pending (file_id); deciding deletes the
-- file and clears file_id. What stays is who asked, who decided, when, and the document's type (APPI data minimisation).
CREATE TABLE identity_checks (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    worker_id     nvarchar(32) NOT NULL REFERENCES users (id),
    file_id       nvarchar(32) NULL REFERENCES files (id),
    document_type nvarchar(20) NOT NULL CHECK (document_type IN (N'driversLicence', N'myNumberCard', N'residenceCard')),
    status        nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'verified', N'rejected')),
    requested_at  datetimeoffset(7) NOT NULL,
    decided_at    datetimeoffset(7) NULL,
    decided_by    nvarchar(32) NULL REFERENCES users (id),
    note          nvarchar(max) NULL
);
CREATE UNIQUE INDEX ux_identity_checks_pending ON identity_checks (worker_id) WHERE status = N'pending';
CREATE INDEX ix_identity_checks_worker ON identity_checks (worker_id, id);
CREATE INDEX ix_identity_checks_status ON identity_checks (status, id);
CREATE INDEX ix_identity_checks_file ON identity_checks (file_id) WHERE file_id IS NOT NULL;

-- The workers whose identity an office or an administrator verified.
GO
CREATE VIEW verified_workers AS
SELECT i.worker_id, MAX(i.decided_at) AS verified_at FROM identity_checks i WHERE i.status = N'verified' GROUP BY i.worker_id;
GO

-- Courses and badges. A course grants its badge on completion; first_job_by is the end of the 90 days in which a
-- completer's first contract counts for the figures (fixed when the completion is recorded).
CREATE TABLE badges (
    id           nvarchar(32) NOT NULL PRIMARY KEY,
    programme_id nvarchar(32) NOT NULL REFERENCES programmes (id),
    name         nvarchar(200) NOT NULL,
    created_at   datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_badges_name ON badges (programme_id, name);

CREATE TABLE courses (
    id           nvarchar(32) NOT NULL PRIMARY KEY,
    programme_id nvarchar(32) NOT NULL REFERENCES programmes (id),
    title        nvarchar(max) NOT NULL,
    skills       nvarchar(max) NOT NULL,
    starts_on    date NOT NULL,
    ends_on      date NOT NULL,
    capacity     bigint NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    badge_id     nvarchar(32) NOT NULL REFERENCES badges (id),
    created_at   datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_courses_programme ON courses (programme_id, id);

CREATE TABLE course_enrolments (
    course_id    nvarchar(32) NOT NULL REFERENCES courses (id),
    worker_id    nvarchar(32) NOT NULL REFERENCES users (id),
    enrolled_at  datetimeoffset(7) NOT NULL,
    completed_at datetimeoffset(7) NULL,
    first_job_by datetimeoffset(7) NULL,
    PRIMARY KEY (course_id, worker_id)
);
CREATE INDEX ix_course_enrolments_worker ON course_enrolments (worker_id, course_id);

CREATE TABLE worker_badges (
    worker_id  nvarchar(32) NOT NULL REFERENCES users (id),
    badge_id   nvarchar(32) NOT NULL REFERENCES badges (id),
    course_id  nvarchar(32) NULL REFERENCES courses (id),
    granted_at datetimeoffset(7) NOT NULL,
    PRIMARY KEY (worker_id, badge_id)
);
CREATE INDEX ix_worker_badges_badge ON worker_badges (badge_id, worker_id);

-- Jobs: for beginners (入門案件, optionally naming a badge that also lets a worker bid), under an NDA (the platform's
-- template of a version, or the business's own PDF), for verified workers only; and the full description that only
-- those who accepted the NDA read (description stays the outline everyone who sees the job reads).
ALTER TABLE jobs ADD beginners bit NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD beginner_badge_id nvarchar(32) NULL REFERENCES badges (id);
ALTER TABLE jobs ADD nda nvarchar(20) NOT NULL DEFAULT N'none' CHECK (nda IN (N'none', N'template', N'file'));
ALTER TABLE jobs ADD nda_template_version nvarchar(40) NULL;
ALTER TABLE jobs ADD nda_file_id nvarchar(32) NULL REFERENCES files (id);
ALTER TABLE jobs ADD verified_only bit NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD full_description nvarchar(max) NULL;
GO
CREATE INDEX ix_jobs_nda_file ON jobs (nda_file_id) WHERE nda_file_id IS NOT NULL;

-- A worker's acceptance of a job's NDA: the template's version or the PDF's SHA-256, when, who.
CREATE TABLE nda_acceptances (
    id               nvarchar(32) NOT NULL PRIMARY KEY,
    job_id           nvarchar(32) NOT NULL REFERENCES jobs (id),
    worker_id        nvarchar(32) NOT NULL REFERENCES users (id),
    template_version nvarchar(max) NULL,
    file_sha256      nvarchar(64) NULL,
    accepted_at      datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_nda_acceptances_once ON nda_acceptances (job_id, worker_id);

-- Who may read an NDA job's confidential part (its full description and reference files): its business and the
-- producers acting for it, and the workers who accepted its NDA.
GO
CREATE VIEW nda_readers AS
SELECT a.job_id, a.user_id FROM jobs j JOIN job_audience a ON a.job_id = j.id
WHERE j.nda <> N'none' AND a.relation IN (N'business', N'producer')
UNION ALL
SELECT n.job_id, n.worker_id FROM nda_acceptances n;
GO

-- The read models gain the marks the board and the bids show.
DROP VIEW job_details;
GO
CREATE VIEW job_details AS
SELECT j.id, j.business_id, u.display_name AS business_name, j.producer_id, j.title, j.description, j.category,
       j.budget_min, j.budget_max, j.deadline, j.region, j.producer_review, j.status, j.created_at, j.members_only,
       (SELECT COUNT_BIG(*) FROM bids b WHERE b.job_id = j.id AND b.status <> N'withdrawn') AS bid_count,
       j.beginners, j.nda, j.verified_only
FROM jobs j JOIN users u ON u.id = j.business_id;
GO

DROP VIEW bid_details;
GO
CREATE VIEW bid_details AS
SELECT b.id, b.job_id, j.title AS job_title, b.worker_id, u.display_name AS worker_name,
       (SELECT CAST(ROUND(AVG(r.rating * 1.0), 2) AS float) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_rating,
       (SELECT COUNT_BIG(*) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_review_count,
       b.amount, b.delivery_days, b.message, b.status, b.created_at,
       CASE WHEN EXISTS (SELECT 1 FROM identity_checks i WHERE i.worker_id = b.worker_id AND i.status = 'verified') THEN 1 ELSE 0 END AS worker_verified
FROM bids b JOIN jobs j ON j.id = b.job_id JOIN users u ON u.id = b.worker_id;
GO

-- Files: an identity image is nobody's download (its office reads it through the check); an NDA job's reference files
-- go to its NDA's readers instead of everyone who sees the job; a job's NDA document to everyone who sees the job.
DROP VIEW file_audience;
GO
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, N'uploader' AS relation FROM files f
WHERE NOT EXISTS (SELECT 1 FROM identity_checks i WHERE i.file_id = f.id)
UNION ALL
SELECT f.id, v.user_id, N'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_viewers v ON v.job_id = j.id
WHERE j.confidential_files = 0 AND j.nda = N'none'
UNION ALL
SELECT f.id, r.user_id, N'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN nda_readers r ON r.job_id = j.id
WHERE j.confidential_files = 0 AND j.nda <> N'none'
UNION ALL
SELECT f.id, v.user_id, N'nda' FROM jobs j JOIN files f ON f.id = j.nda_file_id JOIN job_viewers v ON v.job_id = j.id
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
JOIN users u ON u.role = N'administrator';
GO

-- The figures' months: each Japanese calendar month from 2000-01 to 2099-12 as the times it starts and ends, and the
-- start of the 90 days before its end (active members). Handler SQL groups rows into months by comparing their times
-- with these columns, which every engine can do without a date function of its own.
CREATE TABLE calendar_months (
    month       nvarchar(7) NOT NULL PRIMARY KEY,
    starts_at   datetimeoffset(7) NOT NULL,
    ends_at     datetimeoffset(7) NOT NULL,
    active_from datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_calendar_months_starts ON calendar_months (starts_at);
GO
WITH n AS (SELECT 0 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 1199)
INSERT INTO calendar_months (month, starts_at, ends_at, active_from)
SELECT FORMAT(DATEADD(month, i, CAST('2000-01-01' AS datetime2)), 'yyyy-MM'),
       SWITCHOFFSET(TODATETIMEOFFSET(DATEADD(month, i, CAST('2000-01-01' AS datetime2)), '+09:00'), '+00:00'),
       SWITCHOFFSET(TODATETIMEOFFSET(DATEADD(month, i + 1, CAST('2000-01-01' AS datetime2)), '+09:00'), '+00:00'),
       DATEADD(day, -90, SWITCHOFFSET(TODATETIMEOFFSET(DATEADD(month, i + 1, CAST('2000-01-01' AS datetime2)), '+09:00'), '+00:00'))
FROM n
OPTION (MAXRECURSION 1200);
