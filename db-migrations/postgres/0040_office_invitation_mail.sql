-- Issue 29: an office's invitation is mailed (account mail kind officeInvitation) instead of handed over by the
-- administrator: the kind's CHECK (named by PostgreSQL from 0026's column constraint) gains it.
ALTER TABLE account_mail DROP CONSTRAINT account_mail_kind_check;
ALTER TABLE account_mail ADD CONSTRAINT account_mail_kind_check CHECK (kind IN (
    'passwordReset', 'emailConfirmation', 'emailChange', 'emailChanged', 'passwordChanged', 'officeInvitation'));
