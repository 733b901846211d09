using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Tests;

/// <summary>X-Forwarded-For and X-Forwarded-Proto count only when a listed proxy sends them.</summary>
public sealed class ProxyTests : ApiTest
{
    private const string Proxy = "10.0.0.5";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        ["ForwardedHeaders:KnownNetworks:0"] = "172.16.0.0/12",
        ["Auth:LoginAttemptsPerMinute"] = "2",
    };

    protected override bool HostPerTest => true;

    private async Task<HttpResponseMessage> SignIn(string from, string clientAddress, string email = "someone@test.example", string password = "not the password")
    {
        var client = ClientFrom(from);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return await client.PostAsJsonAsync("/api/auth/login", new { email, password });
    }

    [Test]
    public async Task Behind_a_listed_proxy_each_client_has_its_own_address_and_the_cookie_is_Secure()
    {
        await SignIn(Proxy, "203.0.113.1");
        await SignIn(Proxy, "203.0.113.1");
        await Problem(await SignIn(Proxy, "203.0.113.1"), HttpStatusCode.TooManyRequests);
        await Problem(await SignIn(Proxy, "203.0.113.2"), HttpStatusCode.Unauthorized); // another person behind the proxy

        var user = await SignUp(Marketplace.Platform.Role.Worker);
        var login = await SignIn("172.20.1.1", "203.0.113.3", user.Email, Password); // a listed network
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mkp_auth=")), Does.Contain("secure").IgnoreCase,
            "the client used https to reach the proxy");
    }

    [Test]
    public async Task From_an_unlisted_address_forwarded_headers_are_ignored()
    {
        const string Stranger = "192.0.2.66";
        // Writing a new X-Forwarded-For on every attempt does not buy a fresh limit.
        await SignIn(Stranger, "203.0.113.1");
        await SignIn(Stranger, "203.0.113.2");
        await Problem(await SignIn(Stranger, "203.0.113.3"), HttpStatusCode.TooManyRequests);

        var user = await SignUp(Marketplace.Platform.Role.Worker);
        var login = await SignIn("192.0.2.67", "203.0.113.4", user.Email, Password);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mkp_auth=")), Does.Not.Contain("secure").IgnoreCase,
            "plain http from an unlisted address is not made https by a header");
    }
}
