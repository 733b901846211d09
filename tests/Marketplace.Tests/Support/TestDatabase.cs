using System.Data.Common;

namespace Marketplace.Tests;

/// <summary>
/// The data of one test host: its database and its files folder, put back to the migrated template before each test, so
/// that a host started once per fixture still gives every test a clean database. Tests read the database directly only
/// through <see cref="Open"/>, a provider's plain <see cref="DbConnection"/>.
/// </summary>
/// <remarks>
/// SQLite (<see cref="SqliteTestDatabase"/>) copies the template into the host's file. On a server
/// (<see cref="PostgresTestDatabase"/>, when <c>MARKETPLACE_TEST_POSTGRES</c> names one) each host has a database of its
/// own, made from a migrated template and emptied by Respawn's reset.
/// </remarks>
public abstract class TestDatabase
{
    /// <summary>What the host's settings need to use this database and its files folder.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Where the host stores uploaded files.</summary>
    public abstract string FilesFolder { get; }

    /// <summary>An open connection of the host's provider, outside the host's pool; the caller disposes it.</summary>
    public abstract DbConnection Open();

    /// <summary>Puts the database back to the migrated template and empties the files folder, while the host runs.</summary>
    public abstract void Reset();

    /// <summary>The engine this run's hosts use: PostgreSQL when <c>MARKETPLACE_TEST_POSTGRES</c> names a server, else SQLite.</summary>
    public static Marketplace.Platform.DatabaseEngine Engine =>
        PostgresTestDatabase.Server is not null ? Marketplace.Platform.DatabaseEngine.Postgres : Marketplace.Platform.DatabaseEngine.Sqlite;

    /// <summary>A clean database for a new host, on the run's engine.</summary>
    public static TestDatabase New() => Engine == Marketplace.Platform.DatabaseEngine.Postgres
        ? new PostgresTestDatabase()
        : new SqliteTestDatabase(TemplateDatabase.NewCopy());

    /// <summary>Removes the files folder with everything in it.</summary>
    protected void EmptyFilesFolder()
    {
        if (Directory.Exists(FilesFolder)) Directory.Delete(FilesFolder, recursive: true);
    }
}
