using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Contracts on a clock the test moves: sessions last long enough that nobody is signed out by the jumps.</summary>
public abstract class DealTest : MoneyTest
{
    /// <summary>The fixture's clock; each test starts with it at the real time.</summary>
    protected ManualClock Time { get; } = new();

    protected override TimeProvider? Clock => Time;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Auth:SessionIdleHours"] = "10000", ["Auth:SessionLifetimeDays"] = "365",
    };

    protected static DateOnly JapanDay(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(9)).DateTime);

    protected static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    protected async Task<JsonObject> Submit(User worker, string contractId, string message = "納品します") =>
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contractId}/submissions", new { message }));

    protected async Task<JsonObject> Detail(User user, string contractId) => await Ok(await user.Http.GetAsync($"/api/contracts/{contractId}"));

    protected async Task<JsonObject> ContractOf(User user, string contractId) => (await Detail(user, contractId))["contract"]!.AsObject();

    protected async Task<JsonObject> TermsOf(User user, string contractId, int? version = null) =>
        await Ok(await user.Http.GetAsync($"/api/contracts/{contractId}/terms" + (version is null ? "" : $"/{version}")));

    /// <summary>Asserts a 409 problem with the stable code.</summary>
    protected static async Task Conflict(HttpResponseMessage response, string code) =>
        Assert.That(Str((await Problem(response, HttpStatusCode.Conflict))["code"]), Is.EqualTo(code));

    /// <summary>What the app's periodic work does when the test's clock has moved: the deal's clock, then the payout warnings.</summary>
    protected async Task<DealClock.Run> RunClock(MarketplaceApp? app = null)
    {
        var services = (app ?? App).Services;
        var run = await services.GetRequiredService<DealClock>().RunOnceAsync();
        await services.GetRequiredService<Marketplace.Payouts.LatePayoutWarnings>().RunOnceAsync();
        return run;
    }

    protected long Kind(string userId, string kind) =>
        Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{userId}' AND kind = '{kind}'");
}
