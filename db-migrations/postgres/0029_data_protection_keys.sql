-- Issue 26: the keys of ASP.NET Core Data Protection live in the database every node shares (see sqlite/0029).
CREATE TABLE data_protection_keys (
    name       text NOT NULL PRIMARY KEY,
    xml        text NOT NULL,
    created_at timestamptz NOT NULL
);
