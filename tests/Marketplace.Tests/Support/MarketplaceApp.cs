using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>The real API over real HTTP on its own SQLite file, built by the real migrations.</summary>
public sealed class MarketplaceApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly TimeProvider? _clock;

    /// <param name="environment">"Testing" unless a test is about what another environment serves (Swagger UI in Production).</param>
    /// <param name="clock">A clock the test moves by hand, instead of the system's.</param>
    public MarketplaceApp(string databasePath, IDictionary<string, string?>? settings = null, bool realServer = false, string environment = "Testing",
        TimeProvider? clock = null)
    {
        DatabasePath = databasePath;
        _environment = environment;
        _clock = clock;
        // A browser needs a real socket: Kestrel on a free port instead of the in-memory test server.
        if (realServer) UseKestrel(0);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = $"Data Source={databasePath}",
            // Hashing at the production 210,000 iterations would dominate the suite; a test pins the default.
            ["Auth:PasswordIterations"] = "1000",
            ["Auth:LoginAttemptsPerMinute"] = "10000",
            // Search reuses a phrase's document count and the corpus statistics for ten minutes, in a cache of the process:
            // across tests on fresh databases, a count from an earlier test would rank this one's jobs.
            ["Search:DocumentCountSeconds"] = "0",
            // Payments confirm at once, as in Development; the payment tests switch this off.
            ["Money:AutoConfirmPayments"] = "true",
            // Each app stores its files beside its own database copy.
            ["Files:Folder"] = databasePath + ".files",
        };
        // A null value removes a test default, so the app falls back to its production default.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            if (value is null) _settings.Remove(key); else _settings[key] = value;
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // The app reads time only from TimeProvider (handlers, validators, the cookie's expiry): a test moves it on
        // instead of sleeping.
        if (_clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(_clock));
    }

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
