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

/// <summary>
/// A clock a test moves by hand; it starts at the real time, so that "now" in request bodies agrees with it, or at a
/// moment a test names (a Japanese hour, a holiday).
/// </summary>
public sealed class ManualClock(DateTimeOffset? start = null) : TimeProvider
{
    private DateTimeOffset _now = start ?? DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    /// <summary>
    /// Back to where it started (the real time, or the moment the test named): a test starts where no earlier test of its
    /// fixture moved the clock.
    /// </summary>
    public void Reset() => _now = start ?? DateTimeOffset.UtcNow;
}
