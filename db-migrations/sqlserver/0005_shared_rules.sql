-- The rules many queries share live here, as views, so that each handler's SQL is complete on its own
-- (the read models of kgrzybek/modular-monolith-with-ddd query views the same way). The views have the names and
-- columns of SQLite's; counts are COUNT_BIG (bigint) and ratings float, as SQLite hands them to the API (64-bit
-- integers and REAL); flags are compared with 1 and 0 (bit).

-- Who a producer acts for: its active links.
CREATE VIEW producer_clients AS
SELECT l.id AS link_id, l.producer_id, l.business_id, l.can_post_jobs, l.can_award, l.fee_rate_bps
FROM producer_links l
WHERE l.status = N'active';
GO

-- Who may see a job beyond everyone signed in seeing the open ones: its business, the producers acting
-- for that business, and every worker who bid on it. 'runs' marks those who act on the job (business, producer).
CREATE VIEW job_audience AS
SELECT j.id AS job_id, j.business_id AS user_id, N'business' AS relation FROM jobs j
UNION ALL
SELECT j.id, pc.producer_id, N'producer' FROM jobs j JOIN producer_clients pc ON pc.business_id = j.business_id
UNION ALL
SELECT b.job_id, b.worker_id, N'bidder' FROM bids b;
GO

-- A contract's parties: its business, its worker, and the producers acting for the business.
CREATE VIEW contract_parties AS
SELECT c.id AS contract_id, c.business_id AS user_id, N'business' AS relation FROM contracts c
UNION ALL
SELECT c.id, c.worker_id, N'worker' FROM contracts c
UNION ALL
SELECT c.id, pc.producer_id, N'producer' FROM contracts c JOIN producer_clients pc ON pc.business_id = c.business_id;
GO

-- Read models: what the API shows of each object, with the names and counts it carries.
CREATE VIEW job_details AS
SELECT j.id, j.business_id, u.display_name AS business_name, j.producer_id, j.title, j.description, j.category,
       j.budget_min, j.budget_max, j.deadline, j.region, j.producer_review, j.status, j.created_at,
       (SELECT COUNT_BIG(*) FROM bids b WHERE b.job_id = j.id AND b.status <> N'withdrawn') AS bid_count
FROM jobs j JOIN users u ON u.id = j.business_id;
GO

CREATE VIEW bid_details AS
SELECT b.id, b.job_id, j.title AS job_title, b.worker_id, u.display_name AS worker_name,
       (SELECT CAST(ROUND(AVG(r.rating * 1.0), 2) AS float) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_rating,
       (SELECT COUNT_BIG(*) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_review_count,
       b.amount, b.delivery_days, b.message, b.status, b.created_at
FROM bids b JOIN jobs j ON j.id = b.job_id JOIN users u ON u.id = b.worker_id;
GO

CREATE VIEW contract_details AS
SELECT c.id, c.job_id, j.title AS job_title, c.bid_id, c.worker_id, w.display_name AS worker_name,
       c.business_id, b.display_name AS business_name, j.producer_id, j.producer_review, c.amount, c.status,
       c.deadline, c.created_at, c.completed_at, c.funded_at, c.released_at
FROM contracts c
JOIN jobs j ON j.id = c.job_id
JOIN users w ON w.id = c.worker_id
JOIN users b ON b.id = c.business_id;
GO

CREATE VIEW producer_link_details AS
SELECT l.id, l.business_id, b.display_name AS business_name, l.producer_id, p.display_name AS producer_name,
       l.can_post_jobs, l.can_award, l.fee_rate_bps, l.status, l.created_at
FROM producer_links l JOIN users b ON b.id = l.business_id JOIN users p ON p.id = l.producer_id;
GO

CREATE VIEW invitation_details AS
SELECT i.id, i.job_id, j.title AS job_title, j.status AS job_status, i.worker_id, i.invited_by,
       u.display_name AS invited_by_name, i.created_at
FROM invitations i JOIN jobs j ON j.id = i.job_id JOIN users u ON u.id = i.invited_by;
GO

CREATE VIEW worker_details AS
SELECT u.id AS worker_id, u.display_name, u.is_individual, p.bio, p.region, p.weekly_hours, p.availability,
       (SELECT CAST(ROUND(AVG(r.rating * 1.0), 2) AS float) FROM reviews r WHERE r.reviewee_id = u.id) AS rating,
       (SELECT COUNT_BIG(*) FROM reviews r WHERE r.reviewee_id = u.id) AS review_count,
       (SELECT COUNT_BIG(*) FROM contracts c WHERE c.worker_id = u.id AND c.status = N'completed') AS completed_contracts
FROM users u LEFT JOIN worker_profiles p ON p.worker_id = u.id
WHERE u.role = N'worker';
GO

-- Indexes for keyset pages: each listing reads an index in the order of its ORDER BY.
CREATE INDEX ix_bids_worker_job ON bids (worker_id, job_id, id);
CREATE INDEX ix_bids_job_amount ON bids (job_id, amount, id);
DROP INDEX ix_worker_profiles_region ON worker_profiles;
CREATE INDEX ix_worker_profiles_region ON worker_profiles (region, worker_id);
-- SQLite indexes skill COLLATE NOCASE here; on SQL Server the column itself compares ignoring case (0001), so the
-- index is on the column.
CREATE INDEX ix_worker_skills_nocase ON worker_skills (skill, worker_id);
DROP INDEX ix_ledger_entries_account ON ledger_entries;
CREATE INDEX ix_ledger_entries_account ON ledger_entries (account, created_at, id);
-- The unread count reads only unread rows.
CREATE INDEX ix_notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
-- Statement totals find a producer's contracts as they find a business's and a worker's.
CREATE INDEX ix_contracts_producer ON contracts (producer_id);
-- The administrator's payment queue, a producer's and a business's links, contracts coming due.
CREATE INDEX ix_payments_status ON payments (status, id);
CREATE INDEX ix_producer_links_business ON producer_links (business_id, id);
CREATE INDEX ix_producer_links_producer_id ON producer_links (producer_id, id);
CREATE INDEX ix_contracts_due ON contracts (status, deadline);
CREATE INDEX ix_contracts_business_due ON contracts (business_id, status, deadline);
-- ix_worker_skills_nocase (skill, worker_id) serves every skill search.
DROP INDEX ix_worker_skills_skill ON worker_skills;
-- A contract's reviews in the order they were written.
CREATE INDEX ix_reviews_contract ON reviews (contract_id, id);
