-- Issue 13 "The administrator's screens": an administrator suspends an account (and reinstates it), with a reason.
-- A suspended account cannot sign in, its sessions and API tokens stop working, and payout batches skip it. Suspension
-- is a state of the account, not a status word: suspended_at is set while it lasts and cleared on reinstatement; the
-- history (who, when, why, each time) is the audit trail's (suspendUser / reinstateUser entries).
ALTER TABLE users ADD COLUMN suspended_at timestamptz NULL;
ALTER TABLE users ADD COLUMN suspended_reason text NULL;

-- What the administrator wrote when confirming a bank transfer (the bank's reference, a remark); kept with the payment
-- and in the audit entry of the confirmation.
ALTER TABLE payments ADD COLUMN confirmation_note text NULL;
