-- Issue 23: teams under a director (see sqlite/0037). A team is a set of workers with one director (a worker or a producer who made it or
-- was handed it); leaders may bid and split orders like the director; members deliver tasks. A team bid names its team
-- (bids.team_id) and the contract made from it too (contracts.team_id): the contract's worker is then the team's director,
-- who represents the team. A task is one member's piece of a team contract, with its own written terms (task_notices,
-- one version per assignee) and its own history (task_steps). A member's unavailability feeds the director's board.
CREATE TABLE teams (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    name        nvarchar(max) NOT NULL,
    description nvarchar(max) NOT NULL,
    region      nvarchar(max) NOT NULL,
    skills      nvarchar(max) NOT NULL,
    director_id nvarchar(32) NOT NULL REFERENCES users (id),
    created_at  datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_teams_director ON teams (director_id);

-- The director has a row too (role 'director'), so that "who is in the team" is one table. A removed member keeps its
-- row (removed_at) so that its past tasks still name it.
CREATE TABLE team_members (
    team_id      nvarchar(32) NOT NULL REFERENCES teams (id),
    user_id      nvarchar(32) NOT NULL REFERENCES users (id),
    role         nvarchar(20) NOT NULL CHECK (role IN (N'director', N'leader', N'member')),
    weekly_hours int NOT NULL DEFAULT 0 CHECK (weekly_hours BETWEEN 0 AND 168),
    joined_at    datetimeoffset(7) NOT NULL,
    removed_at   datetimeoffset(7) NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX ix_team_members_user ON team_members (user_id, team_id);

CREATE TABLE team_invitations (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    team_id     nvarchar(32) NOT NULL REFERENCES teams (id),
    email       nvarchar(254) NOT NULL,
    role        nvarchar(20) NOT NULL CHECK (role IN (N'leader', N'member')),
    invited_by  nvarchar(32) NOT NULL REFERENCES users (id),
    status      nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'accepted', N'declined')),
    created_at  datetimeoffset(7) NOT NULL,
    answered_at datetimeoffset(7) NULL
);
-- One open invitation per address per team: the database refuses the second.
CREATE UNIQUE INDEX ux_team_invitations_open ON team_invitations (team_id, email) WHERE status = N'pending';
CREATE INDEX ix_team_invitations_email ON team_invitations (email, status, id);

ALTER TABLE bids ADD team_id nvarchar(32) NULL REFERENCES teams (id);
ALTER TABLE contracts ADD team_id nvarchar(32) NULL REFERENCES teams (id);
GO
-- One live bid per team per job, whichever of its director and leaders placed it.
CREATE UNIQUE INDEX ux_bids_team_live ON bids (job_id, team_id) WHERE status = N'pending' AND team_id IS NOT NULL;
CREATE INDEX ix_contracts_team ON contracts (team_id);
GO

-- status: assigned → submitted → approved, or submitted → returned → submitted …; a reassignment keeps the status
-- (assigned or returned) and changes the assignee.
CREATE TABLE tasks (
    id           nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id  nvarchar(32) NOT NULL REFERENCES contracts (id),
    team_id      nvarchar(32) NOT NULL REFERENCES teams (id),
    title        nvarchar(max) NOT NULL,
    instructions nvarchar(max) NOT NULL,
    amount       bigint NOT NULL CHECK (amount >= 1),
    hours        bigint NOT NULL CHECK (hours >= 0),
    due_at       datetimeoffset(7) NOT NULL,
    assignee_id  nvarchar(32) NOT NULL REFERENCES users (id),
    status       nvarchar(20) NOT NULL CHECK (status IN (N'assigned', N'submitted', N'approved', N'returned')),
    created_by   nvarchar(32) NOT NULL REFERENCES users (id),
    created_at   datetimeoffset(7) NOT NULL,
    approved_at  datetimeoffset(7) NULL
);
CREATE INDEX ix_tasks_contract ON tasks (contract_id, id);
CREATE INDEX ix_tasks_assignee ON tasks (assignee_id, due_at, id);
CREATE INDEX ix_tasks_team ON tasks (team_id, status);

-- What happened to a task, in order: assigned, submitted (the member's message), approved, returned (the reason),
-- reassigned (from one member to another).
CREATE TABLE task_steps (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    task_id     nvarchar(32) NOT NULL REFERENCES tasks (id),
    kind        nvarchar(20) NOT NULL CHECK (kind IN (N'assigned', N'submitted', N'approved', N'returned', N'reassigned')),
    actor_id    nvarchar(32) NOT NULL REFERENCES users (id),
    assignee_id nvarchar(32) NOT NULL REFERENCES users (id),
    message     nvarchar(max) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_task_steps_task ON task_steps (task_id, id);

-- The written terms of a task to its member (what, amount, due date, payment date), one version per assignee; a
-- reassignment withdraws the old member's version and writes the new member's.
CREATE TABLE task_notices (
    task_id      nvarchar(32) NOT NULL REFERENCES tasks (id),
    version      int NOT NULL,
    assignee_id  nvarchar(32) NOT NULL REFERENCES users (id),
    terms        nvarchar(max) NOT NULL,
    issued_at    datetimeoffset(7) NOT NULL,
    withdrawn_at datetimeoffset(7) NULL,
    PRIMARY KEY (task_id, version)
);
CREATE INDEX ix_task_notices_assignee ON task_notices (assignee_id);

-- Days a person cannot work (from_on..to_on, Japanese calendar days, inclusive) and the same as instants (starts_at: the
-- first day's 0:00 in Japan, ends_at: the day after the last day's), which the board compares with its times; the
-- reason is the person's own and never shown to the team.
CREATE TABLE unavailability (
    id         nvarchar(32) NOT NULL PRIMARY KEY,
    user_id    nvarchar(32) NOT NULL REFERENCES users (id),
    from_on    date NOT NULL,
    to_on      date NOT NULL,
    starts_at  datetimeoffset(7) NOT NULL,
    ends_at    datetimeoffset(7) NOT NULL,
    reason     nvarchar(max) NOT NULL,
    created_at datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_unavailability_user ON unavailability (user_id, ends_at, id);

-- The business's review of a team contract goes to the team (team_reviews) and to each member with an approved task
-- (member_reviews), beside its review of the director in reviews.
CREATE TABLE team_reviews (
    contract_id nvarchar(32) NOT NULL PRIMARY KEY REFERENCES contracts (id),
    team_id     nvarchar(32) NOT NULL REFERENCES teams (id),
    rating      int NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     nvarchar(max) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_team_reviews_team ON team_reviews (team_id);
CREATE TABLE member_reviews (
    contract_id nvarchar(32) NOT NULL REFERENCES contracts (id),
    member_id   nvarchar(32) NOT NULL REFERENCES users (id),
    team_id     nvarchar(32) NOT NULL REFERENCES teams (id),
    rating      int NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     nvarchar(max) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL,
    PRIMARY KEY (contract_id, member_id)
);
CREATE INDEX ix_member_reviews_member ON member_reviews (member_id);

-- What a team contract's close paid each person of the team (issue 23): each approved task's amount to its member, the
-- rest to the director, each with its own withholding; the director's share bears the platform fee. Written once, at the
-- release (Teams/TeamSplit.cs); statements and documents read it.
CREATE TABLE team_shares (
    contract_id     nvarchar(32) NOT NULL REFERENCES contracts (id),
    user_id         nvarchar(32) NOT NULL REFERENCES users (id),
    is_director     bit NOT NULL,
    gross           bigint NOT NULL,
    platform_fee    bigint NOT NULL,
    withholding_tax bigint NOT NULL,
    net             bigint NOT NULL,
    created_at      datetimeoffset(7) NOT NULL,
    PRIMARY KEY (contract_id, user_id)
);
CREATE INDEX ix_team_shares_user ON team_shares (user_id, created_at);

-- A team contract has a worker's invoice (and a withholding notice) per paid person: one document of a kind per contract
-- and payee.
DROP INDEX ux_documents_one_per_kind ON documents;
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind, payee_id) WHERE corrects_id IS NULL;
