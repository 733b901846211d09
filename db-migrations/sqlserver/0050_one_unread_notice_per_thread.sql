-- A run of messages in one thread is one notice while that notice is unread (PostMessage, PostTeamMessage: a post counts
-- the reader's unread notices of the thread and writes one when there is none). Two writers posting at the same moment
-- on PostgreSQL or SQL Server are already kept to one notice by the commands' serializable transactions (the loser is
-- run again); the rule now also stands in the schema, at most one unread message notice per reader and thread, so that
-- it holds for any writer at any isolation (the race tests, run at read committed without these indexes, made two to
-- six notices per reader; with them, one).
--
-- A team's thread needs the team on the notice for that: it was read from the event key (team-message:{message}, the
-- message found by its key's tail, in three places), now it is a column, filled here for the notices already written.
--
-- Notices written before runs were one notice could stand several unread for one thread (a trial counted 95): all but
-- the newest of each reader's thread are marked read, at the newest one's time; the newest still opens the thread at
-- its first unread message, and the menu's count of unread messages does not change.
ALTER TABLE notifications ADD team_id nvarchar(32) NULL REFERENCES teams (id);
GO

UPDATE notifications SET team_id = (SELECT m.team_id FROM team_messages m WHERE m.id = SUBSTRING(notifications.event_key, 14, 100))
WHERE kind = N'teamMessageReceived';

-- A thread is a contract (messageReceived) or a team (teamMessageReceived): one of the two columns, the other NULL.
UPDATE notifications SET read_at = (
    SELECT MAX(n.created_at) FROM notifications n
    WHERE n.user_id = notifications.user_id AND n.kind = notifications.kind AND n.read_at IS NULL
      AND COALESCE(n.contract_id, n.team_id) = COALESCE(notifications.contract_id, notifications.team_id))
WHERE kind IN (N'messageReceived', N'teamMessageReceived') AND read_at IS NULL AND EXISTS (
    SELECT 1 FROM notifications n
    WHERE n.user_id = notifications.user_id AND n.kind = notifications.kind AND n.read_at IS NULL AND n.id > notifications.id
      AND COALESCE(n.contract_id, n.team_id) = COALESCE(notifications.contract_id, notifications.team_id));

CREATE UNIQUE INDEX ux_notifications_unread_thread ON notifications (user_id, contract_id)
WHERE kind = N'messageReceived' AND read_at IS NULL AND contract_id IS NOT NULL;
CREATE UNIQUE INDEX ux_notifications_unread_team_thread ON notifications (user_id, team_id)
WHERE kind = N'teamMessageReceived' AND read_at IS NULL AND team_id IS NOT NULL;
