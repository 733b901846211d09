-- Issue 11 "Money out": workers' bank accounts and payouts to them in batches that the operator's bank takes as a
-- Zengin 総合振込 file.

-- One bank account per worker, as the Zengin data record needs it. The holder name is stored already normalised to
-- the characters a Zengin file allows (half-width katakana, upper-case Latin, digits, space and ( ) - . /).
-- held_reason: set when a transfer to this account came back; no batch pays to it until the worker saves it again.
CREATE TABLE bank_accounts (
    worker_id      TEXT NOT NULL PRIMARY KEY REFERENCES users (id),
    bank_code      TEXT NOT NULL,
    branch_code    TEXT NOT NULL,
    account_type   TEXT NOT NULL,
    account_number TEXT NOT NULL,
    holder_name    TEXT NOT NULL,
    held_reason    TEXT NULL,
    updated_at     TEXT NOT NULL
);

-- A batch of transfers gathered at once. status: gathered -> paid. transfer_on is the 振込指定日 of the file.
CREATE TABLE payout_batches (
    id          TEXT NOT NULL PRIMARY KEY,
    cutoff      TEXT NOT NULL,
    transfer_on TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    paid_on     TEXT NULL,
    paid_at     TEXT NULL
);

-- One transfer to one worker. The bank details are copied from the worker's account when the batch is gathered, so
-- that changing the account while the batch is open does not change the batch. amount is what left the worker's
-- balance; transfer_fee is the bank's fee and net what the bank transfers (amount - fee when the worker bears the fee).
-- status: pending (in a gathered batch) -> paid -> returned (組戻し: the transfer came back).
CREATE TABLE payouts (
    id             TEXT NOT NULL PRIMARY KEY,
    batch_id       TEXT NOT NULL REFERENCES payout_batches (id),
    worker_id      TEXT NOT NULL REFERENCES users (id),
    amount         INTEGER NOT NULL,
    transfer_fee   INTEGER NOT NULL,
    net            INTEGER NOT NULL,
    bank_code      TEXT NOT NULL,
    branch_code    TEXT NOT NULL,
    account_type   TEXT NOT NULL,
    account_number TEXT NOT NULL,
    holder_name    TEXT NOT NULL,
    status         TEXT NOT NULL,
    returned_reason TEXT NULL,
    returned_at    TEXT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX ix_payouts_batch ON payouts (batch_id, id);
CREATE INDEX ix_payouts_worker ON payouts (worker_id, id);
-- A worker is in at most one unpaid batch: two administrators gathering at once cannot pay anyone twice, because the
-- second insert for the same worker fails here (a filtered index, which SQL Server has too).
CREATE UNIQUE INDEX ux_payouts_one_pending_per_worker ON payouts (worker_id) WHERE status = 'pending';
