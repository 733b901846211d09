-- Issue 27 "Paying into escrow": a payment's transfer reference, its due date and, for an award's first payment, the
-- day the award lapses unpaid (see sqlite/0024).
ALTER TABLE payments ADD COLUMN reference text NULL;
ALTER TABLE payments ADD COLUMN due_on date NULL;
ALTER TABLE payments ADD COLUMN lapses_on date NULL;

-- Payments asked for before this step get a reference numbered in order from 10000001, and no due date.
UPDATE payments SET reference = CAST(10000000 + (SELECT COUNT(*) FROM payments q WHERE q.id <= payments.id) AS text);
CREATE UNIQUE INDEX ux_payments_reference ON payments (reference) WHERE reference IS NOT NULL;

CREATE INDEX ix_payments_due ON payments (status, due_on);
CREATE INDEX ix_payments_lapses ON payments (status, lapses_on);
