using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>A visitor's downloads count toward the same per-address ceiling as the board's reads.</summary>
public sealed class VisitorDownloadRateLimitTests : ApiTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Site:VisitorReadsPerMinute"] = "3" };

    protected override bool HostPerTest => true;

    private async Task<string> Upload(User user, string name) => Id(await Created(await user.Http.Upload(Uploads.Pdf, name)));

    [Test]
    public async Task A_visitors_downloads_are_rate_limited()
    {
        var business = await SignUp(Role.Business);
        var brief = await Upload(business, "案内.pdf");
        await PostJob(business, new
        {
            title = "ラベル", description = "説明", category = "design", budgetMin = 1000, budgetMax = 2000,
            deadline = DateTimeOffset.UtcNow.AddDays(30), fileIds = new[] { brief }, publicFileIds = new[] { brief },
        });
        var visitor = ClientFrom("203.0.113.9");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await visitor.GetAsync($"/api/files/{brief}")).StatusCode);
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }
}
