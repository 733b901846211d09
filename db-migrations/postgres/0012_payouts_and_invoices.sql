-- Issue 11 "Money out and the paperwork": workers' bank accounts and payouts to them in batches that the operator's bank
-- takes as a Zengin 総合振込 file; the tax details people give for documents; and the documents the product issues.

-- One bank account per worker, as the Zengin data record needs it. The holder name is stored already normalised to
-- the characters a Zengin file allows (half-width katakana, upper-case Latin, digits, space and ( ) - . /).
-- held_reason: set when a transfer to this account came back; no batch pays to it until the worker saves it again.
CREATE TABLE bank_accounts (
    worker_id      text NOT NULL PRIMARY KEY REFERENCES users (id),
    bank_code      text NOT NULL,
    branch_code    text NOT NULL,
    account_type   text NOT NULL,
    account_number text NOT NULL,
    holder_name    text NOT NULL,
    held_reason    text NULL,
    updated_at     timestamptz NOT NULL
);

-- A batch of transfers gathered at once. status: gathered -> paid. transfer_on is the 振込指定日 of the file.
CREATE TABLE payout_batches (
    id          text NOT NULL PRIMARY KEY,
    cutoff      timestamptz NOT NULL,
    transfer_on date NOT NULL,
    status      text NOT NULL,
    created_by  text NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    paid_on     date NULL,
    paid_at     timestamptz NULL
);

-- One transfer to one worker. The bank details are copied from the worker's account when the batch is gathered, so
-- that changing the account while the batch is open does not change the batch. amount is what left the worker's
-- balance; transfer_fee is the bank's fee and net what the bank transfers (amount - fee when the worker bears the fee).
-- status: pending (in a gathered batch) -> paid -> returned (組戻し: the transfer came back).
CREATE TABLE payouts (
    id              text NOT NULL PRIMARY KEY,
    batch_id        text NOT NULL REFERENCES payout_batches (id),
    worker_id       text NOT NULL REFERENCES users (id),
    amount          bigint NOT NULL,
    transfer_fee    bigint NOT NULL,
    net             bigint NOT NULL,
    bank_code       text NOT NULL,
    branch_code     text NOT NULL,
    account_type    text NOT NULL,
    account_number  text NOT NULL,
    holder_name     text NOT NULL,
    status          text NOT NULL,
    returned_reason text NULL,
    returned_at     timestamptz NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX ix_payouts_batch ON payouts (batch_id, id);
CREATE INDEX ix_payouts_worker ON payouts (worker_id, id);
-- A worker is in at most one unpaid batch: two administrators gathering at once cannot pay anyone twice, because the
-- second insert for the same worker fails here.
CREATE UNIQUE INDEX ux_payouts_one_pending_per_worker ON payouts (worker_id) WHERE status = 'pending';

-- What documents print about a person (any role): the qualified-invoice issuer's registration number (登録番号, 'T' and
-- 13 digits) when registered, the legal name and the postal address a 支払調書 needs. My Number is never collected.
CREATE TABLE tax_details (
    user_id        text NOT NULL PRIMARY KEY REFERENCES users (id),
    invoice_number text NULL,
    legal_name     text NOT NULL,
    postal_address text NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- Documents are numbered per issuer without gaps (a user id, or 'platform'): the counter is raised by an UPDATE inside
-- the issuing transaction, so two documents of one issuer can never take the same number or skip one.
CREATE TABLE document_counters (
    issuer      text NOT NULL PRIMARY KEY,
    last_number bigint NOT NULL
);

-- A document issued for a contract: never changed once issued (triggers below); a correction is a new document whose
-- corrects_id names the one it replaces. body is the whole document as printed, in JSON, so that a later change of a
-- name, an address or a registration number never changes a document already issued.
CREATE TABLE documents (
    id              text NOT NULL PRIMARY KEY,
    contract_id     text NOT NULL REFERENCES contracts (id),
    kind            text NOT NULL,
    issuer          text NOT NULL,
    number          bigint NOT NULL,
    issued_at       timestamptz NOT NULL,
    recipient_id    text NOT NULL REFERENCES users (id),
    payee_id        text NULL REFERENCES users (id),
    amount          bigint NOT NULL,
    consumption_tax bigint NULL,
    withholding_tax bigint NOT NULL,
    qualified       boolean NOT NULL,
    corrects_id     text NULL REFERENCES documents (id),
    body            text NOT NULL
);
CREATE UNIQUE INDEX ux_documents_issuer_number ON documents (issuer, number);
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind) WHERE corrects_id IS NULL;
CREATE INDEX ix_documents_contract ON documents (contract_id, id);
CREATE INDEX ix_documents_recipient_kind ON documents (recipient_id, kind, issued_at);
CREATE INDEX ix_documents_payee_kind ON documents (payee_id, kind, issued_at);
CREATE TRIGGER tr_documents_no_update BEFORE UPDATE ON documents
FOR EACH ROW EXECUTE FUNCTION refuse_change('documents are never changed once issued');
CREATE TRIGGER tr_documents_no_delete BEFORE DELETE ON documents
FOR EACH ROW EXECUTE FUNCTION refuse_change('documents are never deleted');
CREATE TRIGGER tr_documents_no_truncate BEFORE TRUNCATE ON documents
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('documents are never deleted');
