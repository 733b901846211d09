-- Issue 22: who may see a job, in one place. Until now each read wrote its own "open, or the caller's relation" and a
-- members-only job's files and questions answered people the job itself refused (a probe downloaded them).
--
-- job_viewers: every signed-in person who may see a job. While the job is open, everyone signed in, except that a
-- members-only job is open to workers only; at any time its audience (job_audience: its business, the producers acting
-- for it, its bidders). A read asks for one job and one person (WHERE v.job_id = @Id AND v.user_id = @Me): the view is a
-- plain join, so each engine flattens it into two primary-key lookups and the audience check.
CREATE VIEW job_viewers AS
SELECT j.id AS job_id, u.id AS user_id
FROM jobs j JOIN users u
  ON (j.status = 'open' AND (j.members_only = FALSE OR u.role = 'worker'))
  OR EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = u.id);

-- A job's reference files are seen by whoever sees the job (job_viewers), unless the job keeps them confidential: then
-- by its business and producers only (and, below, the awarded worker). The download read nothing else, so the files of
-- a job can no longer reach further than the job.
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
JOIN users u ON u.role = 'administrator';
