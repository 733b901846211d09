-- Issue 26: any number of API nodes. The keys of ASP.NET Core Data Protection (they seal sign-in cookies and the
-- unsubscribe links in mail) live in the database that every node shares, instead of the home folder of the process's
-- user on one machine: a cookie or a link minted by one node is then read by every other, and survives a new container.
-- One row per element of the key ring (a key, or a revocation), written once by the node that made it and never
-- changed (Platform/DataProtectionKeys.cs). The XML is the key itself: encrypted with a certificate when
-- DataProtection:CertificatePath is set, readable by whoever reads this table otherwise (docs/deployment.md).
CREATE TABLE data_protection_keys (
    name       TEXT NOT NULL PRIMARY KEY,
    xml        TEXT NOT NULL,
    created_at TEXT NOT NULL
);
