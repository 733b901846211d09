using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// A body sent without a length (Transfer-Encoding: chunked) meets the same 1 MB limit as one that states it: Kestrel cuts
/// it off as it is read, and the answer says the limit as the up-front refusal does (it said only "Content Too Large").
/// On the real server: the in-memory test server applies no body limit.
/// </summary>
public sealed class ChunkedBodyLimitTests : ApiTest
{
    protected override bool RealServer => true;

    [SetUp]
    public void FindServer()
    {
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ServerAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    [Test]
    public async Task A_chunked_body_over_one_megabyte_is_a_413_problem_that_says_the_limit_and_stores_nothing()
    {
        var business = await SignUp(Role.Business);
        var huge = "{\"title\":\"" + new string('a', 1_100_000) + "\",\"description\":\"d\",\"category\":\"design\",\"budgetMin\":1,\"budgetMax\":2}";
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))) };
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        var problem = await Problem(await business.Http.SendAsync(chunked), HttpStatusCode.RequestEntityTooLarge);
        Assert.That((Str(problem["detail"]), Str(problem["code"]), problem["maxBytes"]!.GetValue<long>()),
            Is.EqualTo(("This route reads a body of at most 1,048,576 bytes.", "bodyTooLarge", 1_048_576L)));
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);
    }
}
