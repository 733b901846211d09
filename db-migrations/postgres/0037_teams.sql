-- Issue 23: teams under a director (see sqlite/0037). A team is a set of workers with one director (a worker or a producer who made it or
-- was handed it); leaders may bid and split orders like the director; members deliver tasks. A team bid names its team
-- (bids.team_id) and the contract made from it too (contracts.team_id): the contract's worker is then the team's director,
-- who represents the team. A task is one member's piece of a team contract, with its own written terms (task_notices,
-- one version per assignee) and its own history (task_steps). A member's unavailability feeds the director's board.
CREATE TABLE teams (
    id          text NOT NULL PRIMARY KEY,
    name        text NOT NULL,
    description text NOT NULL,
    region      text NOT NULL,
    skills      text NOT NULL,
    director_id text NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_teams_director ON teams (director_id);

-- The director has a row too (role 'director'), so that "who is in the team" is one table. A removed member keeps its
-- row (removed_at) so that its past tasks still name it.
CREATE TABLE team_members (
    team_id      text NOT NULL REFERENCES teams (id),
    user_id      text NOT NULL REFERENCES users (id),
    role         text NOT NULL CHECK (role IN ('director', 'leader', 'member')),
    weekly_hours integer NOT NULL DEFAULT 0 CHECK (weekly_hours BETWEEN 0 AND 168),
    joined_at    timestamptz NOT NULL,
    removed_at   timestamptz NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX ix_team_members_user ON team_members (user_id, team_id);

CREATE TABLE team_invitations (
    id          text NOT NULL PRIMARY KEY,
    team_id     text NOT NULL REFERENCES teams (id),
    email       text NOT NULL,
    role        text NOT NULL CHECK (role IN ('leader', 'member')),
    invited_by  text NOT NULL REFERENCES users (id),
    status      text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at  timestamptz NOT NULL,
    answered_at timestamptz NULL
);
-- One open invitation per address per team: the database refuses the second.
CREATE UNIQUE INDEX ux_team_invitations_open ON team_invitations (team_id, email) WHERE status = 'pending';
CREATE INDEX ix_team_invitations_email ON team_invitations (email, status, id);

ALTER TABLE bids ADD COLUMN team_id text NULL REFERENCES teams (id);
-- One live bid per team per job, whichever of its director and leaders placed it.
CREATE UNIQUE INDEX ux_bids_team_live ON bids (job_id, team_id) WHERE status = 'pending' AND team_id IS NOT NULL;
ALTER TABLE contracts ADD COLUMN team_id text NULL REFERENCES teams (id);
CREATE INDEX ix_contracts_team ON contracts (team_id);

-- status: assigned → submitted → approved, or submitted → returned → submitted …; a reassignment keeps the status
-- (assigned or returned) and changes the assignee.
CREATE TABLE tasks (
    id           text NOT NULL PRIMARY KEY,
    contract_id  text NOT NULL REFERENCES contracts (id),
    team_id      text NOT NULL REFERENCES teams (id),
    title        text NOT NULL,
    instructions text NOT NULL,
    amount       bigint NOT NULL CHECK (amount >= 1),
    hours        bigint NOT NULL CHECK (hours >= 0),
    due_at       timestamptz NOT NULL,
    assignee_id  text NOT NULL REFERENCES users (id),
    status       text NOT NULL CHECK (status IN ('assigned', 'submitted', 'approved', 'returned')),
    created_by   text NOT NULL REFERENCES users (id),
    created_at   timestamptz NOT NULL,
    approved_at  timestamptz NULL
);
CREATE INDEX ix_tasks_contract ON tasks (contract_id, id);
CREATE INDEX ix_tasks_assignee ON tasks (assignee_id, due_at, id);
CREATE INDEX ix_tasks_team ON tasks (team_id, status);

-- What happened to a task, in order: assigned, submitted (the member's message), approved, returned (the reason),
-- reassigned (from one member to another).
CREATE TABLE task_steps (
    id          text NOT NULL PRIMARY KEY,
    task_id     text NOT NULL REFERENCES tasks (id),
    kind        text NOT NULL CHECK (kind IN ('assigned', 'submitted', 'approved', 'returned', 'reassigned')),
    actor_id    text NOT NULL REFERENCES users (id),
    assignee_id text NOT NULL REFERENCES users (id),
    message     text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_task_steps_task ON task_steps (task_id, id);

-- The written terms of a task to its member (what, amount, due date, payment date), one version per assignee; a
-- reassignment withdraws the old member's version and writes the new member's.
CREATE TABLE task_notices (
    task_id      text NOT NULL REFERENCES tasks (id),
    version      integer NOT NULL,
    assignee_id  text NOT NULL REFERENCES users (id),
    terms        text NOT NULL,
    issued_at    timestamptz NOT NULL,
    withdrawn_at timestamptz NULL,
    PRIMARY KEY (task_id, version)
);
CREATE INDEX ix_task_notices_assignee ON task_notices (assignee_id);

-- Days a person cannot work (from_on..to_on, Japanese calendar days, inclusive) and the same as instants (starts_at: the
-- first day's 0:00 in Japan, ends_at: the day after the last day's), which the board compares with its times; the
-- reason is the person's own and never shown to the team.
CREATE TABLE unavailability (
    id         text NOT NULL PRIMARY KEY,
    user_id    text NOT NULL REFERENCES users (id),
    from_on    date NOT NULL,
    to_on      date NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    reason     text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_unavailability_user ON unavailability (user_id, ends_at, id);

-- The business's review of a team contract goes to the team (team_reviews) and to each member with an approved task
-- (member_reviews), beside its review of the director in reviews.
CREATE TABLE team_reviews (
    contract_id text NOT NULL PRIMARY KEY REFERENCES contracts (id),
    team_id     text NOT NULL REFERENCES teams (id),
    rating      integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_team_reviews_team ON team_reviews (team_id);
CREATE TABLE member_reviews (
    contract_id text NOT NULL REFERENCES contracts (id),
    member_id   text NOT NULL REFERENCES users (id),
    team_id     text NOT NULL REFERENCES teams (id),
    rating      integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     text NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (contract_id, member_id)
);
CREATE INDEX ix_member_reviews_member ON member_reviews (member_id);

-- What a team contract's close paid each person of the team (issue 23): each approved task's amount to its member, the
-- rest to the director, each with its own withholding; the director's share bears the platform fee. Written once, at the
-- release (Teams/TeamSplit.cs); statements and documents read it.
CREATE TABLE team_shares (
    contract_id     text NOT NULL REFERENCES contracts (id),
    user_id         text NOT NULL REFERENCES users (id),
    is_director     boolean NOT NULL,
    gross           bigint NOT NULL,
    platform_fee    bigint NOT NULL,
    withholding_tax bigint NOT NULL,
    net             bigint NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (contract_id, user_id)
);
CREATE INDEX ix_team_shares_user ON team_shares (user_id, created_at);

-- A team contract has a worker's invoice (and a withholding notice) per paid person: one document of a kind per contract
-- and payee.
DROP INDEX ux_documents_one_per_kind;
CREATE UNIQUE INDEX ux_documents_one_per_kind ON documents (contract_id, kind, payee_id) WHERE corrects_id IS NULL;
