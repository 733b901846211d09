using System.Net;
using Marketplace.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: an unknown API path cost five times a static route, since the /api fallback read and parsed every route
/// template on each request to work out 405 and 415. It reads them once per app; its answers stay what they were.
/// </summary>
public sealed class ApiFallbackTests : ApiTest
{
    /// <summary>The app's endpoints as the fallback is given them, counting how often their list is read.</summary>
    private sealed class CountedEndpoints(EndpointDataSource inner) : EndpointDataSource
    {
        public int Reads;

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                Interlocked.Increment(ref Reads);
                return inner.Endpoints;
            }
        }

        public override IChangeToken GetChangeToken() => inner.GetChangeToken();
    }

    [Test]
    public async Task The_route_table_is_read_once_however_many_unknown_paths_are_asked()
    {
        CountedEndpoints? counted = null;
        using var app = App.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(EndpointDataSource));
            services.AddSingleton<EndpointDataSource>(provider => counted = new CountedEndpoints(
                (EndpointDataSource)(original.ImplementationInstance ?? original.ImplementationFactory?.Invoke(provider)
                                     ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!))));
        }));
        var client = app.CreateClient();
        await Problem(await client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        var readsForTheFirst = counted?.Reads;

        for (var i = 0; i < 20; i++)
            await Problem(await client.GetAsync($"/api/no-such-thing-{i}"), HttpStatusCode.NotFound);
        var wrongMethod = await client.DeleteAsync("/api/JOBS");
        await Problem(wrongMethod, HttpStatusCode.MethodNotAllowed);
        Assert.That(wrongMethod.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "POST" }), "routes match whatever the case");
        await Problem(await client.PostAsync("/api/jobs/j1/bids", null), HttpStatusCode.UnsupportedMediaType);
        await Problem(await client.GetAsync("/api/jobs/j1/bids/x"), HttpStatusCode.NotFound);

        Assert.That(counted, Is.Not.Null, "the fallback was given the counted endpoints");
        Assert.That(counted!.Reads, Is.EqualTo(readsForTheFirst), "no request after the first reads the routes again");
    }
}
