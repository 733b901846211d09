-- Issue 11 "Money out and the paperwork": workers' bank accounts and payouts to them in batches that the operator's bank
-- takes as a Zengin 総合振込 file; the tax details people give for documents; and the documents the product issues.

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

-- What documents print about a person (any role): the qualified-invoice issuer's registration number (登録番号, 'T' and
-- 13 digits) when registered, the legal name and the postal address a 支払調書 needs. My Number is never collected.
CREATE TABLE tax_details (
    user_id        TEXT NOT NULL PRIMARY KEY REFERENCES users (id),
    invoice_number TEXT NULL,
    legal_name     TEXT NOT NULL,
    postal_address TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- Documents are numbered per issuer without gaps (a user id, or 'platform'): the counter is raised by an UPDATE inside
-- the issuing transaction, so two documents of one issuer can never take the same number or skip one.
CREATE TABLE document_counters (
    issuer      TEXT NOT NULL PRIMARY KEY,
    last_number INTEGER NOT NULL
);

-- A document issued for a contract: never changed once issued (triggers below); a correction is a new document whose
-- corrects_id names the one it replaces. body is the whole document as printed, in JSON, so that a later change of a
-- name, an address or a registration number never changes a document already issued.
CREATE TABLE documents (
    id              TEXT NOT NULL PRIMARY KEY,
    contract_id     TEXT NOT NULL REFERENCES contracts (id),
    kind            TEXT NOT NULL,
    issuer          TEXT NOT NULL,
    number          INTEGER NOT NULL,
    issued_at       TEXT NOT NULL,
    recipient_id    TEXT NOT NULL REFERENCES users (id),
    payee_id        TEXT NULL REFERENCES users (id),
    amount          INTEGER NOT NULL,
    consumption_tax INTEGER NULL,
    withholding_tax INTEGER NOT NULL,
    qualified       INTEGER NOT NULL,
    corrects_id     TEXT NULL REFERENCES documents (id),
    body            TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_documents_issuer_number ON documents (issuer, number);
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind) WHERE corrects_id IS NULL;
CREATE INDEX ix_documents_contract ON documents (contract_id, id);
CREATE INDEX ix_documents_recipient_kind ON documents (recipient_id, kind, issued_at);
CREATE INDEX ix_documents_payee_kind ON documents (payee_id, kind, issued_at);
CREATE TRIGGER tr_documents_no_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are never changed once issued'); END;
CREATE TRIGGER tr_documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END;
