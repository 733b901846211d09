using Microsoft.Data.Sqlite;

// Fixtures run side by side, as many as the machine has cores (at least two): on the two-core development machine the
// suite took a quarter to a third less time than one fixture at a time, for about the same CPU time (three runs each,
// alternated). Each fixture has a host and database to itself (SharedHosts lends a shared one to one fixture at a time).
// A fixture that measures or drives something of the whole process (its memory, the one browser) is [NonParallelizable].
[assembly: Parallelizable(ParallelScope.Fixtures)]

namespace Marketplace.Tests;

/// <summary>What the whole run shares: it stops the shared hosts and removes the run's databases at the end.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void RemoveDatabases()
    {
        SharedHosts.StopAll();
        S3Server.Stop();
        SqliteConnection.ClearAllPools();
        PostgresTestDatabase.DropAll();
        if (Directory.Exists(TemplateDatabase.Folder)) Directory.Delete(TemplateDatabase.Folder, recursive: true);
    }
}
