-- Issue 10 "The deal's clock": a terms notice for every contract (Freelance Act art. 3), an inspection period that ends
-- by itself, the payment date rule (art. 4), agreed changes (art. 5 forbids cutting the fee after the order), and
-- cancellations and disputes that an administrator decides.

-- The clock and the outcome of a contract.
-- delivered_at: when the platform first received delivered work (the day the Freelance Act art. 4 counts 60 days from).
-- latest_payment_on: that day + 59 (the receipt day is day 1), a Japanese calendar date.
-- inspection_ends_at: while work waits for the business, when the inspection period ends and the work counts as accepted.
-- payment_due_on: when the contract closes with money for the worker, the date it is paid by (the terms' rule).
-- closed_by: how a completed or cancelled contract closed (acceptance, lapse, cancellation, decision, jobCancelled).
-- worker_share: on a cancellation or a decision, the yen of the amount paid to the worker (fees and tax on it).
ALTER TABLE contracts ADD delivered_at datetimeoffset(7) NULL;
ALTER TABLE contracts ADD latest_payment_on date NULL;
ALTER TABLE contracts ADD inspection_ends_at datetimeoffset(7) NULL;
ALTER TABLE contracts ADD payment_due_on date NULL;
ALTER TABLE contracts ADD closed_by nvarchar(20) NULL
    CHECK (closed_by IN (N'acceptance', N'lapse', N'cancellation', N'decision', N'jobCancelled'));
ALTER TABLE contracts ADD worker_share bigint NULL CHECK (worker_share >= 0);

-- The rates the split was made with, so that a changed amount or a worker's share is split the same way. Contracts
-- from before this script get the rates their fixed fees imply (rounded down, as the fees were).
ALTER TABLE contracts ADD platform_fee_bps bigint NOT NULL DEFAULT 0 CHECK (platform_fee_bps BETWEEN 0 AND 10000);
ALTER TABLE contracts ADD producer_fee_bps bigint NOT NULL DEFAULT 0 CHECK (producer_fee_bps BETWEEN 0 AND 10000);
ALTER TABLE contracts ADD withholds bit NOT NULL DEFAULT 0;
GO
UPDATE contracts SET platform_fee_bps = platform_fee * 10000 / amount, producer_fee_bps = producer_fee * 10000 / amount,
                     withholds = CASE WHEN withholding_tax > 0 THEN 1 ELSE 0 END;

-- Lapsed inspections are found by status and end, as deadlines are.
CREATE INDEX ix_contracts_inspection ON contracts (status, inspection_ends_at);

-- A raised amount asks for a second payment into the same escrow: a contract may now have several payments, but at
-- most one pending at a time.
DROP INDEX ux_payments_contract ON payments;
CREATE INDEX ix_payments_contract ON payments (contract_id, id);
CREATE UNIQUE INDEX ux_payments_pending ON payments (contract_id) WHERE status = N'pending';

-- The terms notice (取引条件の明示, Freelance Act art. 3 and the JFTC's rule art. 1): version 1 written at award,
-- one more for each accepted change. A JSON document of every item, never changed once written.
CREATE TABLE contract_terms (
    contract_id       nvarchar(32) NOT NULL REFERENCES contracts (id),
    version           bigint NOT NULL CHECK (version >= 1),
    terms             nvarchar(max) NOT NULL,
    change_request_id nvarchar(32) NULL,
    created_at        datetimeoffset(7) NOT NULL,
    PRIMARY KEY (contract_id, version)
);
GO
-- Never changed once written (triggers as the ledger's, 0003).
CREATE TRIGGER tr_contract_terms_no_update ON contract_terms INSTEAD OF UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) THROW 51000, N'contract terms are immutable: write a new version', 1;
END;
GO
CREATE TRIGGER tr_contract_terms_no_delete ON contract_terms INSTEAD OF DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) THROW 51000, N'contract terms are immutable: write a new version', 1;
END;
GO

-- A change of the delivery date or the amount, asked by one side and answered by the other.
CREATE TABLE change_requests (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id   nvarchar(32) NOT NULL REFERENCES contracts (id),
    proposed_by   nvarchar(32) NOT NULL REFERENCES users (id),
    side          nvarchar(20) NOT NULL CHECK (side IN (N'business', N'worker')),
    delivery_date datetimeoffset(7) NULL,
    amount        bigint NULL CHECK (amount BETWEEN 1 AND 100000000),
    reason        nvarchar(max) NOT NULL,
    status        nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'accepted', N'declined')),
    created_at    datetimeoffset(7) NOT NULL,
    answered_by   nvarchar(32) NULL REFERENCES users (id),
    answered_at   datetimeoffset(7) NULL,
    CHECK (delivery_date IS NOT NULL OR amount IS NOT NULL)
);
-- One open question at a time per contract.
CREATE UNIQUE INDEX ux_change_requests_pending ON change_requests (contract_id) WHERE status = N'pending';
CREATE INDEX ix_change_requests_contract ON change_requests (contract_id, id);

-- A proposal to end a contract before completion, paying the worker worker_share yen of the amount.
CREATE TABLE cancellations (
    id           nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id  nvarchar(32) NOT NULL REFERENCES contracts (id),
    proposed_by  nvarchar(32) NOT NULL REFERENCES users (id),
    side         nvarchar(20) NOT NULL CHECK (side IN (N'business', N'worker')),
    reason       nvarchar(max) NOT NULL,
    worker_share bigint NOT NULL CHECK (worker_share >= 0),
    -- the worker declined a revision beyond the free ones (the guideline warns against repeated unpaid redos)
    declines_revision bit NOT NULL DEFAULT 0,
    status       nvarchar(20) NOT NULL CHECK (status IN (N'proposed', N'accepted', N'declined', N'lapsed')),
    answer_by    datetimeoffset(7) NOT NULL,
    created_at   datetimeoffset(7) NOT NULL,
    answered_by  nvarchar(32) NULL REFERENCES users (id),
    answered_at  datetimeoffset(7) NULL
);
CREATE UNIQUE INDEX ux_cancellations_open ON cancellations (contract_id) WHERE status = N'proposed';
CREATE INDEX ix_cancellations_contract ON cancellations (contract_id, id);
CREATE INDEX ix_cancellations_due ON cancellations (status, answer_by);

-- A cancellation declined or left unanswered: an administrator decides the worker's share. One per contract, and a
-- decided dispute is final. The parties are copied from the contract so that each reads its own on an index.
CREATE TABLE disputes (
    id              nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id     nvarchar(32) NOT NULL REFERENCES contracts (id),
    cancellation_id nvarchar(32) NOT NULL REFERENCES cancellations (id),
    business_id     nvarchar(32) NOT NULL REFERENCES users (id),
    worker_id       nvarchar(32) NOT NULL REFERENCES users (id),
    status          nvarchar(20) NOT NULL CHECK (status IN (N'open', N'decided')),
    created_at      datetimeoffset(7) NOT NULL,
    decided_by      nvarchar(32) NULL REFERENCES users (id),
    decided_at      datetimeoffset(7) NULL,
    worker_share    bigint NULL CHECK (worker_share >= 0),
    decision_reason nvarchar(max) NULL
);
CREATE UNIQUE INDEX ux_disputes_contract ON disputes (contract_id);
CREATE INDEX ix_disputes_status ON disputes (status, id);
CREATE INDEX ix_disputes_business ON disputes (business_id, id);
CREATE INDEX ix_disputes_worker ON disputes (worker_id, id);

-- What each side says to the administrator. Files join when job and contract files exist.
CREATE TABLE dispute_statements (
    id         nvarchar(32) NOT NULL PRIMARY KEY,
    dispute_id nvarchar(32) NOT NULL REFERENCES disputes (id),
    author_id  nvarchar(32) NOT NULL REFERENCES users (id),
    side       nvarchar(20) NOT NULL CHECK (side IN (N'business', N'worker')),
    body       nvarchar(max) NOT NULL,
    created_at datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_dispute_statements_dispute ON dispute_statements (dispute_id, id);
GO

-- The payment date a contract's terms set, in one place (the payouts issue reads it): the latest date the law allows
-- from the first delivery (art. 4), and once the contract closed with money for the worker, the date it is due.
CREATE VIEW contract_payment_dates AS
SELECT c.id AS contract_id, c.delivered_at, c.latest_payment_on, c.payment_due_on, c.closed_by
FROM contracts c;
GO

-- The read model gains the clock, the outcome, the terms version and the revision count.
DROP VIEW contract_details;
GO
CREATE VIEW contract_details AS
SELECT c.id, c.job_id, j.title AS job_title, c.bid_id, c.worker_id, w.display_name AS worker_name,
       c.business_id, b.display_name AS business_name, j.producer_id, j.producer_review, c.amount, c.status,
       c.deadline, c.created_at, c.completed_at, c.funded_at, c.released_at,
       c.delivered_at, c.inspection_ends_at, c.latest_payment_on, c.payment_due_on, c.closed_by, c.worker_share,
       (SELECT MAX(t.version) FROM contract_terms t WHERE t.contract_id = c.id) AS terms_version,
       (SELECT COUNT_BIG(*) FROM revision_requests r WHERE r.contract_id = c.id) AS revision_count
FROM contracts c
JOIN jobs j ON j.id = c.job_id
JOIN users w ON w.id = c.worker_id
JOIN users b ON b.id = c.business_id;
GO

-- What a dispute shows: the contract's job and parties, the decision and who made it.
CREATE VIEW dispute_details AS
SELECT d.id, d.contract_id, j.title AS job_title, d.business_id, b.display_name AS business_name, d.worker_id,
       w.display_name AS worker_name, c.amount, d.status, d.created_at, d.decided_at, d.worker_share, d.decision_reason,
       a.display_name AS decided_by_name
FROM disputes d
JOIN contracts c ON c.id = d.contract_id
JOIN jobs j ON j.id = c.job_id
JOIN users b ON b.id = d.business_id
JOIN users w ON w.id = d.worker_id
LEFT JOIN users a ON a.id = d.decided_by;
