-- Nothing stuck, nothing lost: who runs a contract's quality gate, decided in one place; what administrators did.

-- A contract's quality gate: on a producer-review job, the job's producer checks each submission before the business
-- sees it, but only while that producer still acts for the business (an active link). A contract with no row here has
-- no gate: its work goes to the business, so no money waits in escrow on a producer who has gone.
CREATE VIEW contract_gates AS
SELECT c.id AS contract_id, j.producer_id
FROM contracts c
JOIN jobs j ON j.id = c.job_id
JOIN producer_clients pc ON pc.business_id = c.business_id AND pc.producer_id = j.producer_id
WHERE j.producer_review = TRUE;

-- Contracts already stranded in review by a link that ended before this script go to their business now, as ending a
-- link does from here on (Producers/ChangeProducerLink.cs).
UPDATE contracts SET status = 'submitted'
WHERE status = 'inReview' AND NOT EXISTS (SELECT 1 FROM contract_gates g WHERE g.contract_id = contracts.id);

-- What administrators did: who, when, what (the action's name, the object's id, a short JSON detail) and from which
-- address. Written in the same transaction as the action (Admin/Audit.cs), so no action commits without its record.
CREATE TABLE audit_entries (
    id               text NOT NULL PRIMARY KEY,
    administrator_id text NOT NULL REFERENCES users (id),
    action           text NOT NULL,
    object_id        text NOT NULL,
    detail           text NOT NULL, -- a JSON object, kept as the API wrote it
    client_address   text NULL,     -- the client's IP as the app saw it; null for an action that came from no request
    created_at       timestamptz NOT NULL
);

-- Like the ledger, the trail is append-only: what an administrator did is never changed or removed, not even by one.
CREATE TRIGGER tr_audit_entries_no_update BEFORE UPDATE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit entries are append-only');
CREATE TRIGGER tr_audit_entries_no_delete BEFORE DELETE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit entries are append-only');
CREATE TRIGGER tr_audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('audit entries are append-only');
