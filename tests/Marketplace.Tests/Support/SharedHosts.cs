namespace Marketplace.Tests;

/// <summary>
/// The hosts that fixtures share for the whole run: one per set of settings, for the fixtures with no clock of their
/// own, no real socket and no host per test. Most fixtures run on the app's test defaults, so they all run on one host;
/// starting one costs about as much as several tests. Every test starts on a reset database all the same.
/// </summary>
public static class SharedHosts
{
    private static readonly Dictionary<string, MarketplaceApp> Hosts = [];

    /// <summary>The run's host for these settings: started on first use, and again if a test stopped it.</summary>
    public static MarketplaceApp For(IDictionary<string, string?>? settings)
    {
        var key = string.Join("\n", (settings ?? new Dictionary<string, string?>())
            .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + (s.Value ?? "(removed)")));
        lock (Hosts)
        {
            if (!Hosts.TryGetValue(key, out var host) || host.IsDisposed)
                Hosts[key] = host = new MarketplaceApp(TestDatabase.New(), settings);
            return host;
        }
    }

    public static void StopAll()
    {
        lock (Hosts)
        {
            foreach (var host in Hosts.Values) host.Dispose();
            Hosts.Clear();
        }
    }
}
