-- Issue 27 "Paying into escrow": a payment carries a transfer reference unique to it, which the business writes before
-- its name on the transfer (振込人名義の前に番号) so that an administrator tells two ¥50,000 transfers of one brewery apart
-- and a bank statement matches by it; its due date (Payments:DueDays after the request, a bank business day); and, for
-- an award's first payment, the day the award lapses if the money has not been confirmed. Days are 'yyyy-MM-dd'.
ALTER TABLE payments ADD COLUMN reference TEXT NULL;
ALTER TABLE payments ADD COLUMN due_on TEXT NULL;
ALTER TABLE payments ADD COLUMN lapses_on TEXT NULL;

-- Payments asked for before this step get a reference, numbered in order from 10000001 (the app draws new ones at
-- random and skips any taken), and no due date: they were asked for without one, so they neither fall due nor lapse.
UPDATE payments SET reference = CAST(10000000 + (SELECT COUNT(*) FROM payments q WHERE q.id <= payments.id) AS TEXT);
CREATE UNIQUE INDEX ux_payments_reference ON payments (reference) WHERE reference IS NOT NULL;

-- The payments' clock finds pending payments to remind of by their due day, and awards to lapse by their lapse day.
CREATE INDEX ix_payments_due ON payments (status, due_on);
CREATE INDEX ix_payments_lapses ON payments (status, lapses_on);
