using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class LoginRateLimitTests : ApiTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Auth:LoginAttemptsPerMinute"] = "3" };

    protected override bool HostPerTest => true;

    [Test]
    public async Task Login_attempts_past_the_limit_get_429_with_Retry_After()
    {
        var http = Browser();
        for (var i = 0; i < 3; i++)
            await Problem(await http.PostAsJsonAsync("/api/auth/login", new { email = "x@test.example", password = "guess number " + i }), HttpStatusCode.Unauthorized);
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email = "x@test.example", password = "guess number 4" });
        await Problem(response, HttpStatusCode.TooManyRequests);
        Assert.That(int.Parse(response.Headers.GetValues("Retry-After").Single()), Is.GreaterThan(0));
    }
}
