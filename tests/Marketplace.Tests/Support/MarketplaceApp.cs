using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Tests;

/// <summary>The real API over real HTTP on its own database, built by the real migrations.</summary>
public sealed class MarketplaceApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly TimeProvider? _clock;
    private readonly Action<IWebHostBuilder>? _configure;

    /// <summary>The app on the SQLite file at <paramref name="databasePath"/> (a copy of the template, or a test's own file).</summary>
    public MarketplaceApp(string databasePath, IDictionary<string, string?>? settings = null, bool realServer = false, string environment = "Testing",
        TimeProvider? clock = null)
        : this(new SqliteTestDatabase(databasePath), settings, realServer, environment, clock)
    {
    }

    /// <param name="environment">"Testing" unless a test is about what another environment serves (Swagger UI in Production).</param>
    /// <param name="clock">A clock the test moves by hand, instead of the system's.</param>
    /// <param name="configure">More of the host's set-up, for a test about the host itself (another content root, as a node
    /// installed in another folder has; a store that pauses).</param>
    public MarketplaceApp(TestDatabase database, IDictionary<string, string?>? settings = null, bool realServer = false, string environment = "Testing",
        TimeProvider? clock = null, Action<IWebHostBuilder>? configure = null)
    {
        Database = database;
        _environment = environment;
        _clock = clock;
        _configure = configure;
        // A browser needs a real socket: Kestrel on a free port instead of the in-memory test server.
        if (realServer) UseKestrel(0);
        _settings = new Dictionary<string, string?>(database.Settings)
        {
            // Hashing at the production 210,000 iterations would dominate the suite; a test pins the default.
            ["Auth:PasswordIterations"] = "1000",
            // A host serves many tests, and ASP.NET's rate limiters count in memory per address (all the test server's
            // clients are one address) for a minute: the ceilings are out of reach unless a test sets them.
            ["Auth:LoginAttemptsPerMinute"] = "1000000",
            ["Site:VisitorReadsPerMinute"] = "1000000",
            // Search reuses a phrase's document count and the corpus statistics for ten minutes, in a cache of the process:
            // across tests on databases put back to empty, a count from an earlier test would rank this one's jobs.
            ["Search:DocumentCountSeconds"] = "0",
            // Payments confirm at once, as in Development; the payment tests switch this off.
            ["Money:AutoConfirmPayments"] = "true",
            // Periodic work runs when a test runs it (RunOnceAsync, after moving the clock), not on the app's timers: a
            // host lives through many tests, and a tick in the middle of one would act on its data behind its back.
            ["Contracts:ClockIntervalSeconds"] = Day,
            ["Payments:ClockIntervalSeconds"] = Day,
            ["Email:SendIntervalSeconds"] = Day,
            ["Notifications:ReminderIntervalSeconds"] = Day,
            ["SavedSearches:AlertIntervalSeconds"] = Day,
            ["Files:SweepIntervalSeconds"] = Day,
            ["Webhooks:SendIntervalSeconds"] = Day,
        };
        // A null value removes a test default, so the app falls back to its production default.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            if (value is null) _settings.Remove(key); else _settings[key] = value;
    }

    private const string Day = "86400";

    /// <summary>The database and files folder this app runs on; a test host resets it before each test.</summary>
    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for the tests about the file itself (backups, restarts on the same data).</summary>
    public string DatabasePath => Database is SqliteTestDatabase sqlite
        ? sqlite.Path
        : throw new NotSupportedException("Only SQLite keeps the database in a file.");

    /// <summary>Whether the app was stopped (a test may stop the fixture's host to restart it with other settings).</summary>
    public bool IsDisposed { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // The app reads time only from TimeProvider (handlers, validators, the cookie's expiry): a test moves it on
        // instead of sleeping.
        if (_clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        // Periodic work runs only when a test runs it. The intervals above keep the timers quiet, but the scheduler also
        // runs every work once when the host starts: a second host a test starts beside the fixture's (two API nodes on
        // one database) ran the deal clock on the moved clock while the test's own three runs raced for the same
        // cancellation, and now and then won it (PostgreSQL: the runs' disputes summed to 0, the database held one).
        builder.ConfigureTestServices(services =>
        {
            foreach (var scheduler in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Scheduler)).ToList())
                services.Remove(scheduler);
        });
        _configure?.Invoke(builder);
    }

    /// <summary>A connection to the app's database, outside its pool; the caller disposes it.</summary>
    public DbConnection OpenDatabase() => Database.Open();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
