-- Issue 27 "Paying into escrow": a payment's transfer reference, its due date and, for an award's first payment, the
-- day the award lapses unpaid (see sqlite/0024).
ALTER TABLE payments ADD reference nvarchar(16) NULL;
ALTER TABLE payments ADD due_on date NULL;
ALTER TABLE payments ADD lapses_on date NULL;
GO

-- Payments asked for before this step get a reference numbered in order from 10000001, and no due date.
UPDATE payments SET reference = CAST(10000000 + (SELECT COUNT(*) FROM payments q WHERE q.id <= payments.id) AS nvarchar(16));
CREATE UNIQUE INDEX ux_payments_reference ON payments (reference) WHERE reference IS NOT NULL;

CREATE INDEX ix_payments_due ON payments (status, due_on);
CREATE INDEX ix_payments_lapses ON payments (status, lapses_on);
