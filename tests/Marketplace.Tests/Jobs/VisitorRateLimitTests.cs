using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Visitors are limited per address; signed-in callers are not limited by this ceiling.</summary>
public sealed class VisitorRateLimitTests : ApiTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Site:VisitorReadsPerMinute"] = "3" };

    protected override bool HostPerTest => true;

    [Test]
    public async Task A_visitor_over_the_ceiling_waits_and_another_address_or_a_member_does_not()
    {
        var worker = await SignUp(Role.Worker);
        var one = ClientFrom("203.0.113.7");
        for (var i = 0; i < 3; i++) Assert.That((await one.GetAsync("/api/jobs")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var refused = await Problem(await one.GetAsync("/api/jobs"), HttpStatusCode.TooManyRequests);
        Assert.That(Str(refused["detail"]), Does.Contain("Too many requests"));
        Assert.That((await ClientFrom("203.0.113.8").GetAsync("/api/jobs")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        for (var i = 0; i < 5; i++) Assert.That((await worker.Http.GetAsync("/api/jobs")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
