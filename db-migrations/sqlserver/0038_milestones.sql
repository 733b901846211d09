-- Issue 24 "Milestones" (分割払い): a contract paid in up to 20 parts, each funded, delivered, inspected and released on
-- its own. A contract without rows here behaves as before.
--   status: unfunded (its payment may be asked for) → funded (the worker may start it) → submitted
--           (→ revisionRequested → submitted)* → accepted (by the business, or by lapse of its inspection period);
--           or cancelled with the contract (a funded one is settled with the contract's cancellation).
-- The split (fees, tax withheld) is fixed per milestone at the contract's rates: withholding applies per payment.
-- payment_id: the payment into escrow that funds it; one payment may fund several (all at award).
CREATE TABLE milestones (
    id                 nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id        nvarchar(32) NOT NULL REFERENCES contracts (id),
    position           int NOT NULL CHECK (position BETWEEN 1 AND 20),
    title              nvarchar(max) NOT NULL,
    amount             bigint NOT NULL CHECK (amount >= 1000),
    due_on             date NOT NULL,
    producer_fee       bigint NOT NULL,
    platform_fee       bigint NOT NULL,
    withholding_tax    bigint NOT NULL,
    status             nvarchar(32) NOT NULL CHECK (status IN (N'unfunded', N'funded', N'submitted', N'revisionRequested', N'accepted', N'cancelled')),
    payment_id         nvarchar(32) NULL REFERENCES payments (id),
    funded_at          datetimeoffset(7) NULL,
    delivered_at       datetimeoffset(7) NULL,
    latest_payment_on  date NULL,
    inspection_ends_at datetimeoffset(7) NULL,
    accepted_at        datetimeoffset(7) NULL,
    accepted_by        nvarchar(32) NULL CHECK (accepted_by IN (N'acceptance', N'lapse')),
    payment_due_on     date NULL,
    created_at         datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_milestones_position ON milestones (contract_id, position);
CREATE INDEX ix_milestones_payment ON milestones (payment_id);
-- The deal's clock finds lapsed inspections by status and end, as for contracts.
CREATE INDEX ix_milestones_inspection ON milestones (status, inspection_ends_at);
GO

-- A submission or a revision request of one milestone (null: of the contract as a whole).
ALTER TABLE submissions ADD milestone_id nvarchar(32) NULL REFERENCES milestones (id);
ALTER TABLE revision_requests ADD milestone_id nvarchar(32) NULL REFERENCES milestones (id);

-- An agreed change that adds milestones: their JSON list (title, amount, dueOn), applied when accepted.
ALTER TABLE change_requests ADD milestones nvarchar(max) NULL;

-- Documents per payment: a milestone's release issues its own worker's invoice, fee invoices and withholding notice,
-- one of each kind per milestone; a contract's own documents stay one of each kind per contract and payee (0037: a team
-- contract pays each member its own).
ALTER TABLE documents ADD milestone_id nvarchar(32) NULL REFERENCES milestones (id);
GO
DROP INDEX ux_documents_one_per_kind ON documents;
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind, payee_id) WHERE corrects_id IS NULL AND milestone_id IS NULL;
CREATE UNIQUE INDEX ux_documents_one_per_milestone_kind ON documents (milestone_id, kind) WHERE corrects_id IS NULL AND milestone_id IS NOT NULL;
