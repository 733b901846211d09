using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Guessing is throttled per account; the per-address limit is a high ceiling, so a telework centre behind one
/// address signs everyone in. These tests run with the product's default limits.
/// </summary>
public sealed class SignInThrottleTests : ApiTest
{
    private readonly ManualClock _clock = new();

    protected override TimeProvider Clock => _clock;

    // The test host's generous per-address limit is removed: the defaults are what is tested here.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Auth:LoginAttemptsPerMinute"] = null };

    protected override bool HostPerTest => true;

    private const string Centre = "198.51.100.7";

    /// <summary>Accounts made directly, so that only the sign-ins count against the address.</summary>
    private async Task<string[]> Accounts(int count)
    {
        var emails = new string[count];
        for (var i = 0; i < count; i++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            emails[i] = $"person{i}@centre.example";
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Register.Command
            {
                Email = emails[i], Password = Password, DisplayName = $"Person {i}", Role = Role.Worker, MadeByOperator = true,
            });
        }
        return emails;
    }

    private Task<HttpResponseMessage> SignIn(string email, string password) =>
        ClientFrom(Centre).PostAsJsonAsync("/api/auth/login", new { email, password });

    [Test]
    public async Task Thirty_people_signing_in_from_one_address_within_a_minute_all_get_in()
    {
        var emails = await Accounts(30);
        var statuses = new List<HttpStatusCode>();
        foreach (var email in emails) statuses.Add((await SignIn(email, Password)).StatusCode);
        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_sixth_failed_sign_in_on_one_account_gets_429_with_Retry_After_worded_as_for_an_unknown_email()
    {
        var emails = await Accounts(2);
        var (known, neighbour) = (emails[0], emails[1]);
        for (var i = 0; i < 5; i++)
        {
            await Problem(await SignIn(known, $"wrong guess {i}"), HttpStatusCode.Unauthorized);
            await Problem(await SignIn("nobody@centre.example", $"wrong guess {i}"), HttpStatusCode.Unauthorized);
        }

        var lockedKnown = await SignIn(known, Password); // even the right password waits: the lock must not confirm a guess
        var lockedUnknown = await SignIn("nobody@centre.example", Password);
        var knownProblem = await Problem(lockedKnown, HttpStatusCode.TooManyRequests);
        var unknownProblem = await Problem(lockedUnknown, HttpStatusCode.TooManyRequests);
        Assert.That(lockedKnown.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(lockedUnknown.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(Words(knownProblem), Is.EqualTo(Words(unknownProblem)));

        // Someone else at the same centre is not held up by it.
        await Ok(await SignIn(neighbour, Password));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await Ok(await SignIn(known, Password));
    }

    [Test]
    public async Task Each_failure_after_a_lock_doubles_it_up_to_the_ceiling()
    {
        var email = (await Accounts(1))[0];
        for (var i = 0; i < 5; i++) await SignIn(email, $"wrong guess {i}");
        var waits = new List<TimeSpan?>();
        for (var round = 0; round < 6; round++)
        {
            var locked = await SignIn(email, "wrong again");
            waits.Add(locked.Headers.RetryAfter?.Delta);
            _clock.Advance(locked.Headers.RetryAfter!.Delta!.Value);
            await Problem(await SignIn(email, "wrong again"), HttpStatusCode.Unauthorized);
        }
        Assert.That(waits.Select(w => w!.Value.TotalMinutes), Is.EqualTo(new[] { 1d, 2, 4, 8, 15, 15 }));
    }

    [Test]
    public async Task A_success_starts_the_count_again()
    {
        var email = (await Accounts(1))[0];
        for (var i = 0; i < 4; i++) await Problem(await SignIn(email, $"wrong guess {i}"), HttpStatusCode.Unauthorized);
        await Ok(await SignIn(email, Password));
        for (var i = 0; i < 4; i++) await Problem(await SignIn(email, $"wrong guess {i}"), HttpStatusCode.Unauthorized);
        await Ok(await SignIn(email, Password));
    }

    private static string Words(JsonObject problem) => $"{problem["title"]} / {problem["detail"]}";
}
