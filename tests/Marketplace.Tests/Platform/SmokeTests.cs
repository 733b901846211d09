using System.Net;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class SmokeTests : ApiTest
{
    [Test]
    public async Task Health_answers_when_the_database_is_reachable()
    {
        var response = await Browser().GetAsync("/health");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("{\"status\":\"Healthy\""));
    }

    [Test]
    public async Task A_business_can_post_a_job()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        Assert.That(Str(job["status"]), Is.EqualTo("open"));
    }
}
