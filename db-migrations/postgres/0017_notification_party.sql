-- Issue 13: a notification names the job and the other party ("佐藤 美咲さんから「日本酒ラベルのデザイン」に応募が
-- ありました"). The job and, for a contract, both parties are found from job_id/contract_id when the list is read; the
-- person who caused an event that has no contract yet (the worker who bid, the producer who invited) is stored here.
ALTER TABLE notifications ADD COLUMN party_id text NULL REFERENCES users (id);

-- An invitation says who sent it and as what (「菅原さん（プロデューサー）から」): the view gains the inviter's role.
-- (CREATE OR REPLACE VIEW could only append the column at the end; the view is re-created as SQLite's is, so its
-- columns keep SQLite's order.)
DROP VIEW invitation_details;
CREATE VIEW invitation_details AS
SELECT i.id, i.job_id, j.title AS job_title, j.status AS job_status, i.worker_id, i.invited_by,
       u.display_name AS invited_by_name, u.role AS invited_by_role, i.created_at
FROM invitations i JOIN jobs j ON j.id = i.job_id JOIN users u ON u.id = i.invited_by;
