namespace Marketplace.Tests;

/// <summary>
/// The hosts that fixtures share for the whole run, by settings, for the fixtures with no clock of their own, no real
/// socket and no host per test. Most fixtures run on the app's test defaults, so they all run on one host; starting one
/// costs about as much as several tests. A fixture holds its host from its first test to its end, so that two fixtures
/// running at once never share a database; every test starts on a reset database all the same.
/// </summary>
public static class SharedHosts
{
    private static readonly Dictionary<string, Stack<MarketplaceApp>> Free = [];
    private static readonly List<MarketplaceApp> All = [];

    /// <summary>A free host for these settings, started if none is free; the fixture gives it back when it ends.</summary>
    public static MarketplaceApp Take(IDictionary<string, string?>? settings)
    {
        lock (Free)
        {
            if (Free.TryGetValue(Key(settings), out var free))
                while (free.TryPop(out var host))
                    if (!host.IsDisposed) return host;
            var started = new MarketplaceApp(TestDatabase.New(), settings);
            All.Add(started);
            return started;
        }
    }

    /// <summary>Back for the next fixture with these settings (unless a test stopped it).</summary>
    public static void GiveBack(MarketplaceApp host, IDictionary<string, string?>? settings)
    {
        if (host.IsDisposed) return;
        lock (Free)
        {
            var key = Key(settings);
            if (!Free.TryGetValue(key, out var free)) Free[key] = free = new Stack<MarketplaceApp>();
            free.Push(host);
        }
    }

    public static void StopAll()
    {
        lock (Free)
        {
            foreach (var host in All) host.Dispose();
            All.Clear();
            Free.Clear();
        }
    }

    private static string Key(IDictionary<string, string?>? settings) =>
        string.Join("\n", (settings ?? new Dictionary<string, string?>())
            .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + (s.Value ?? "(removed)")));
}
