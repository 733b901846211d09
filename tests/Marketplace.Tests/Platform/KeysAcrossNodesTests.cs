using System.Net;
using System.Net.Http.Json;
using Marketplace.Mail;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 26: the keys that seal sign-in cookies and unsubscribe links are the database's, so every node on it reads
/// what any node sealed, wherever it is installed, and a node on another database reads none of it. Each node here is a
/// host of its own on the fixture's database; the second is installed in another folder (another content root).
/// </summary>
public sealed class KeysAcrossNodesTests : ApiTest
{
    private readonly List<string> _folders = [];

    [TearDown]
    public void RemoveFolders()
    {
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
        _folders.Clear();
    }

    /// <summary>Another node on <paramref name="database"/>, installed in a folder of its own, started.</summary>
    private MarketplaceApp Node(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("marketplace-node-").FullName;
        _folders.Add(folder);
        var node = new MarketplaceApp(database, settings, configure: host => host.UseContentRoot(folder));
        _ = node.Server;
        return node;
    }

    private static HttpClient WithCookie(MarketplaceApp node, string cookie)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return client;
    }

    [Test]
    public async Task A_cookie_one_node_sealed_signs_in_on_another_installed_elsewhere_and_a_change_made_there_counts()
    {
        var worker = await SignUp(Role.Worker);
        var cookie = await SignInCookie(worker.Email);
        using var other = Node(App.Database);
        Assert.That(other.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, Is.Not.EqualTo(App.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath));

        using var there = WithCookie(other, cookie);
        var me = await Ok(await there.GetAsync("/api/me"));
        Assert.That(Str(me["id"]), Is.EqualTo(worker.Id));
        await Ok(await there.PutAsJsonAsync("/api/me", new { language = "en" }));
        Assert.That(Str((await Ok(await WithCookie(cookie).GetAsync("/api/me")))["language"]), Is.EqualTo("en"), "back on the first node");
    }

    [Test]
    public async Task An_unsubscribe_link_one_node_mailed_works_on_another()
    {
        var business = await SignUp(Role.Business);
        var token = App.Services.GetRequiredService<UnsubscribeTokens>().For(business.Id, NotificationKind.BidReceived);
        using var other = Node(App.Database);

        var response = await other.CreateClient().PostAsync($"/mail/unsubscribe?token={Uri.EscapeDataString(token)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(Scalar($"SELECT COUNT(*) FROM notification_settings WHERE user_id = '{business.Id}' AND kind = 'bidReceived' AND delivery = 'never'"),
            Is.EqualTo(1));
    }

    [Test]
    public async Task The_keys_are_the_databases_so_a_node_on_another_database_reads_no_cookie_of_this_one()
    {
        var worker = await SignUp(Role.Worker);
        var cookie = await SignInCookie(worker.Email);
        Assert.That(Scalar("SELECT COUNT(*) FROM data_protection_keys"), Is.GreaterThan(0), "the key that sealed it is in the database");

        // Same machine, same user, same folder: only the database differs.
        using var elsewhere = new MarketplaceApp(TestDatabase.New());
        using var there = WithCookie(elsewhere, cookie);
        Assert.That((await there.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Two_nodes_that_start_at_once_on_an_empty_database_read_each_others_cookies()
    {
        var database = TestDatabase.New();
        using var first = Node(database);
        using var second = Node(database);
        var email = "both@test.example";
        await Created(await first.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email, password = Password, displayName = "Both", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 }));

        // Each node makes its first key at the same moment, so each seals with its own.
        var cookies = await Task.WhenAll(new[] { first, second }.Select(async node =>
        {
            var login = await node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false })
                .PostAsJsonAsync("/api/auth/login", new { email, password = Password });
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mkp_auth=", StringComparison.Ordinal)).Split(';')[0];
        }));

        Assert.That((await WithCookie(second, cookies[0]).GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await WithCookie(first, cookies[1]).GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
