-- Issue 11 "the legal clock": released pay listed by the payment date the contract's terms fixed (0010), earliest first.
CREATE INDEX ix_contracts_payment_due ON contracts (payment_due_on, id);
