using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>A batch's transfer date is a day Japan's banks transfer on, counted from today in Japan.</summary>
public sealed class TransferDateTests : PayoutTest
{
    /// <summary>04:16 in Japan on Friday 30 April 2027 (still Thursday 29 April in UTC), before Golden Week.</summary>
    private static readonly DateTimeOffset EarlyFridayInJapan = new(2027, 4, 30, 4, 16, 0, JapanTime.Offset);

    private readonly ManualClock _time = new(EarlyFridayInJapan);

    protected override TimeProvider? Clock => _time;

    /// <summary>Sessions made at the clock's time outlast the real days between it and now.</summary>
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(Sender)
    {
        ["Auth:SessionIdleHours"] = "100000", ["Auth:SessionLifetimeDays"] = "3650",
    };

    [Test]
    public async Task The_default_transfer_date_is_the_next_business_day_in_Japan_past_the_holidays()
    {
        await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = _time.GetUtcNow() }));
        // In UTC it is Thursday and the next weekday would be Friday, today in Japan; 5/1–5/2 is a weekend and 5/3–5/5 holidays.
        Assert.That(Str(batch["transferOn"]), Is.EqualTo("2027-05-06"));
    }

    [Test]
    public async Task A_transfer_date_on_a_holiday_or_before_today_in_Japan_is_refused()
    {
        var admin = await Administrator();
        foreach (var (day, code) in new[] { ("2027-05-04", "transferOnNotBusinessDay"), ("2027-05-01", "transferOnNotBusinessDay"), ("2027-04-29", "transferOnInPast") })
        {
            var problem = await Problem(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = _time.GetUtcNow(), transferOn = day }),
                HttpStatusCode.BadRequest);
            Assert.That(problem["errorCodes"]!["transferOn"]!.AsArray().Select(e => Str(e!["code"])), Does.Contain(code), day);
        }
        // Today in Japan is a business day and may be the transfer date, though UTC is a day behind.
        await PaidWorker(30_000);
        var batch = await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = _time.GetUtcNow(), transferOn = "2027-04-30" }));
        Assert.That(Str(batch["transferOn"]), Is.EqualTo("2027-04-30"));
    }
}
