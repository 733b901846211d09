-- Issue 29: an office's invitation is mailed (account mail kind officeInvitation) instead of handed over by the
-- administrator. 0026 left the kind's CHECK unnamed, so SQL Server named it itself: it is found by its column and
-- dropped (as 0027 did for users.role), then made again with a name a later step can use.
DECLARE @kind_check sysname = (SELECT cc.name FROM sys.check_constraints cc
    JOIN sys.columns c ON c.object_id = cc.parent_object_id AND c.column_id = cc.parent_column_id
    WHERE cc.parent_object_id = OBJECT_ID(N'account_mail') AND c.name = N'kind');
DECLARE @drop nvarchar(max) = N'ALTER TABLE account_mail DROP CONSTRAINT ' + QUOTENAME(@kind_check);
EXEC sp_executesql @drop;
ALTER TABLE account_mail ADD CONSTRAINT ck_account_mail_kind CHECK (kind IN (
    N'passwordReset', N'emailConfirmation', N'emailChange', N'emailChanged', N'passwordChanged', N'officeInvitation'));
GO
