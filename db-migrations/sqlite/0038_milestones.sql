-- Issue 24 "Milestones" (分割払い): a contract paid in up to 20 parts, each funded, delivered, inspected and released on
-- its own. A contract without rows here behaves as before.
--   status: unfunded (its payment may be asked for) → funded (the worker may start it) → submitted
--           (→ revisionRequested → submitted)* → accepted (by the business, or by lapse of its inspection period);
--           or cancelled with the contract (a funded one is settled with the contract's cancellation).
-- The split (fees, tax withheld) is fixed per milestone at the contract's rates: withholding applies per payment.
-- payment_id: the payment into escrow that funds it; one payment may fund several (all at award).
CREATE TABLE milestones (
    id                 TEXT NOT NULL PRIMARY KEY,
    contract_id        TEXT NOT NULL REFERENCES contracts (id),
    position           INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
    title              TEXT NOT NULL,
    amount             INTEGER NOT NULL CHECK (amount >= 1000),
    due_on             TEXT NOT NULL,
    producer_fee       INTEGER NOT NULL,
    platform_fee       INTEGER NOT NULL,
    withholding_tax    INTEGER NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('unfunded', 'funded', 'submitted', 'revisionRequested', 'accepted', 'cancelled')),
    payment_id         TEXT NULL REFERENCES payments (id),
    funded_at          TEXT NULL,
    delivered_at       TEXT NULL,
    latest_payment_on  TEXT NULL,
    inspection_ends_at TEXT NULL,
    accepted_at        TEXT NULL,
    accepted_by        TEXT NULL CHECK (accepted_by IN ('acceptance', 'lapse')),
    payment_due_on     TEXT NULL,
    created_at         TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_milestones_position ON milestones (contract_id, position);
CREATE INDEX ix_milestones_payment ON milestones (payment_id);
-- The deal's clock finds lapsed inspections by status and end, as for contracts.
CREATE INDEX ix_milestones_inspection ON milestones (status, inspection_ends_at);

-- A submission or a revision request of one milestone (null: of the contract as a whole).
ALTER TABLE submissions ADD COLUMN milestone_id TEXT NULL REFERENCES milestones (id);
ALTER TABLE revision_requests ADD COLUMN milestone_id TEXT NULL REFERENCES milestones (id);

-- An agreed change that adds milestones: their JSON list (title, amount, dueOn), applied when accepted.
ALTER TABLE change_requests ADD COLUMN milestones TEXT NULL;

-- Documents per payment: a milestone's release issues its own worker's invoice, fee invoices and withholding notice,
-- one of each kind per milestone; a contract's own documents stay one of each kind per contract and payee (0037: a team
-- contract pays each member its own).
ALTER TABLE documents ADD COLUMN milestone_id TEXT NULL REFERENCES milestones (id);
DROP INDEX ux_documents_one_per_kind;
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind, payee_id) WHERE corrects_id IS NULL AND milestone_id IS NULL;
CREATE UNIQUE INDEX ux_documents_one_per_milestone_kind ON documents (milestone_id, kind) WHERE corrects_id IS NULL AND milestone_id IS NOT NULL;
