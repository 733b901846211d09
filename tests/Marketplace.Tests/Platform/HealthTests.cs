using System.Net;
using System.Text.Json.Nodes;
using Marketplace.Files;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 26: <c>/health</c> names the database and the file store, and <c>--health</c> probes it from inside the
/// container without wget or curl (the runtime image has neither).
/// </summary>
public sealed class HealthTests : ApiTest
{
    private sealed class UnreachableStore : IFileStore
    {
        public string Description => "a store that never answers";
        public Task<IFileUpload> BeginUploadAsync(CancellationToken ct = default) => throw new IOException("unreachable");
        public Task<int> RemoveAbandonedUploadsAsync(DateTimeOffset before, CancellationToken ct = default) => throw new IOException("unreachable");
        public Task PutAsync(string key, Stream content, CancellationToken ct = default) => throw new IOException("unreachable");
        public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => throw new IOException("unreachable");
        public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) => throw new IOException("unreachable");
        public Task DeleteAsync(string key, CancellationToken ct = default) => throw new IOException("unreachable");
        public IAsyncEnumerable<(string Key, DateTimeOffset StoredAt)> ListAsync(CancellationToken ct = default) => throw new IOException("unreachable");
    }

    [Test]
    public async Task Health_names_the_database_and_the_file_store()
    {
        var response = await Browser().GetAsync("/health");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(Str(health["status"]), Is.EqualTo("Healthy"));
        Assert.That(Str(health["checks"]!["database"]!["status"]), Is.EqualTo("Healthy"));
        Assert.That(Str(health["checks"]!["fileStore"]!["status"]), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task A_node_that_cannot_reach_its_file_store_is_unhealthy_and_says_which()
    {
        using var node = new MarketplaceApp(App.Database, configure: host => host.ConfigureTestServices(s => s.AddSingleton<IFileStore, UnreachableStore>()));
        var response = await node.CreateClient().GetAsync("/health");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(Str(health["checks"]!["fileStore"]!["status"]), Is.EqualTo("Unhealthy"));
        Assert.That(Str(health["checks"]!["database"]!["status"]), Is.EqualTo("Healthy"));
        Assert.That(health.ToJsonString(), Does.Not.Contain("unreachable"), "no exception text in the answer");
    }

    [Test]
    public async Task The_probe_exits_0_when_the_app_on_its_port_is_healthy_and_1_when_nothing_answers()
    {
        using var node = new MarketplaceApp(App.Database, realServer: true);
        node.StartServer();
        var address = node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("127.0.0.1", "+");
        var said = new StringWriter();
        Assert.That(await Health.ProbeAsync(["--health", "--urls", address], said), Is.Zero, said.ToString());
        Assert.That(said.ToString(), Does.StartWith("200 "));

        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.That(await Health.ProbeAsync(["--health", "--urls", $"http://+:{closed}"], TextWriter.Null), Is.EqualTo(1));
    }
}
