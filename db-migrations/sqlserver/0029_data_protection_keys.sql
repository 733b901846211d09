-- Issue 26: the keys of ASP.NET Core Data Protection live in the database every node shares (see sqlite/0029).
CREATE TABLE data_protection_keys (
    name       nvarchar(200) NOT NULL PRIMARY KEY,
    xml        nvarchar(max) NOT NULL,
    created_at datetimeoffset(7) NOT NULL
);
