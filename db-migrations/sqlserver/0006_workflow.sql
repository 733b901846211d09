-- Nothing stuck, nothing lost: who runs a contract's quality gate, decided in one place; what administrators did.

-- A contract's quality gate: on a producer-review job, the job's producer checks each submission before the business
-- sees it, but only while that producer still acts for the business (an active link). A contract with no row here has
-- no gate: its work goes to the business, so no money waits in escrow on a producer who has gone.
CREATE VIEW contract_gates AS
SELECT c.id AS contract_id, j.producer_id
FROM contracts c
JOIN jobs j ON j.id = c.job_id
JOIN producer_clients pc ON pc.business_id = c.business_id AND pc.producer_id = j.producer_id
WHERE j.producer_review = 1;
GO

-- Contracts already stranded in review by a link that ended before this script go to their business now, as ending a
-- link does from here on (Producers/ChangeProducerLink.cs).
UPDATE contracts SET status = N'submitted'
WHERE status = N'inReview' AND NOT EXISTS (SELECT 1 FROM contract_gates g WHERE g.contract_id = contracts.id);

-- What administrators did: who, when, what (the action's name, the object's id, a short JSON detail) and from which
-- address. Written in the same transaction as the action (Admin/Audit.cs), so no action commits without its record.
CREATE TABLE audit_entries (
    id               nvarchar(32) NOT NULL PRIMARY KEY,
    administrator_id nvarchar(32) NOT NULL REFERENCES users (id),
    action           nvarchar(max) NOT NULL,
    object_id        nvarchar(max) NOT NULL,
    detail           nvarchar(max) NOT NULL, -- a JSON object, kept as the API wrote it
    client_address   nvarchar(max) NULL,     -- the client's IP as the app saw it; null for an action that came from no request
    created_at       datetimeoffset(7) NOT NULL
);
GO

-- Like the ledger, the trail is append-only: what an administrator did is never changed or removed, not even by one
-- (triggers as the ledger's, 0003).
CREATE TRIGGER tr_audit_entries_no_update ON audit_entries INSTEAD OF UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) THROW 51000, N'audit entries are append-only', 1;
END;
GO
CREATE TRIGGER tr_audit_entries_no_delete ON audit_entries INSTEAD OF DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) THROW 51000, N'audit entries are append-only', 1;
END;
