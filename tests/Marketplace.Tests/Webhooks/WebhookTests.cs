using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Marketplace.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace Marketplace.Tests;

/// <summary>
/// Webhooks (issue 25): an account subscribes a URL to types of event; the events it may read are POSTed there from the
/// outbox, signed per the Standard Webhooks specification, retried for three days, then the subscription is disabled.
/// The receiver runs on loopback, which <c>Webhooks:AllowLoopback</c> allows here only.
/// </summary>
public sealed class WebhookTests : ApiTest
{
    private readonly ManualClock _clock = new();
    private WebhookReceiver Receiver { get; } = new();

    protected override TimeProvider? Clock => _clock;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowLoopback"] = "true",
        // The retry test moves the clock by four days; its people stay signed in meanwhile.
        ["Auth:SessionIdleHours"] = "1000",
    };

    [SetUp]
    public void EmptyReceiver() => Receiver.Clear();

    [OneTimeTearDown]
    public void StopReceiver() => Receiver.Dispose();

    private WebhookSender Sender => App.Services.GetRequiredService<WebhookSender>();

    private async Task<(string Id, string Secret)> Subscribe(User user, params string[] types)
    {
        var made = await Created(await user.Http.PostAsJsonAsync("/api/webhooks", new { url = Receiver.Url(), eventTypes = types }));
        return (Str(made["webhook"]!["id"]), Str(made["secret"]));
    }

    private static string Hmac(string secret, string id, string timestamp, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    private static string[] Signatures(WebhookReceiver.Received r) => r.Headers["webhook-signature"].Split(' ');

    private async Task<JsonArray> Deliveries(User user, string webhookId) =>
        JsonNode.Parse(await user.Http.GetStringAsync($"/api/webhooks/{webhookId}/deliveries"))!.AsArray();

    [Test]
    public async Task An_event_is_posted_signed_per_Standard_Webhooks_with_the_secret_shown_once()
    {
        var business = await SignUp(Role.Business);
        var (webhookId, secret) = await Subscribe(business, "bid.placed");
        Assert.That(secret, Does.StartWith("whsec_"));
        var listed = JsonNode.Parse(await business.Http.GetStringAsync("/api/webhooks"))!.AsArray();
        Assert.That(listed.Single()!["id"]!.GetValue<string>(), Is.EqualTo(webhookId));
        Assert.That(listed.ToJsonString(), Does.Not.Contain(secret[6..]), "the secret is shown once, when made");

        var job = await PostJob(business);
        var bid = await PlaceBid(await SignUp(Role.Worker), Id(job));
        Assert.That(await Sender.RunOnceAsync(), Is.EqualTo(1));

        var request = Receiver.Requests.Single();
        var body = JsonNode.Parse(request.Body)!;
        Assert.That(Str(body["type"]), Is.EqualTo("bid.placed"));
        Assert.That(Str(body["data"]!["bidId"]), Is.EqualTo(Id(bid)));
        Assert.That(request.Headers["webhook-id"], Is.EqualTo(Str(body["id"])), "the message id is the event's, the same on every retry");
        Assert.That(long.Parse(request.Headers["webhook-timestamp"]), Is.EqualTo(_clock.GetUtcNow().ToUnixTimeSeconds()));
        Assert.That(Signatures(request), Is.EqualTo(new[] { "v1," + Hmac(secret, request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Body) }));

        // As an integrator verifies it: the StandardWebhooks package, from the registry.
        var headers = new HeaderDictionary();
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }) headers[name] = request.Headers[name];
        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(request.Body, headers));
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(secret).Verify(request.Body.Replace("bid.placed", "bid.placex"), headers));
        // And as docs/integrations.md's C# example does.
        Assert.That(MarketplaceExamples.WebhookVerifier.IsGenuine(secret, request.Headers["webhook-id"], request.Headers["webhook-timestamp"],
            request.Headers["webhook-signature"], request.Body, _clock.GetUtcNow()), Is.True);
        Assert.That(MarketplaceExamples.WebhookVerifier.IsGenuine(secret, request.Headers["webhook-id"], request.Headers["webhook-timestamp"],
            request.Headers["webhook-signature"], request.Body + " ", _clock.GetUtcNow()), Is.False);

        var log = (await Deliveries(business, webhookId)).Single()!;
        Assert.That(Str(log["status"]), Is.EqualTo("delivered"));
        Assert.That(log["lastResponseCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(await Sender.RunOnceAsync(), Is.Zero, "a delivered event is not sent again");
    }

    [Test]
    public async Task Only_the_subscribed_types_of_events_the_owner_may_read_are_sent()
    {
        var business = await SignUp(Role.Business);
        var stranger = await SignUp(Role.Worker);
        await Subscribe(business, "contract.awarded");
        await Subscribe(stranger, "bid.placed", "contract.awarded");
        await AwardedContract();
        var job = await PostJob(business);
        var worker = await SignUp(Role.Worker);
        await Award(business, Id(job), Id(await PlaceBid(worker, Id(job))));

        await Sender.RunOnceAsync();

        Assert.That(Receiver.Requests.Select(r => Str(JsonNode.Parse(r.Body)!["type"])), Is.EqualTo(new[] { "contract.awarded" }),
            "the business's own award only: not its bids (not subscribed), not another business's deal, nothing for the stranger");
    }

    [Test]
    public async Task Senders_on_several_nodes_at_once_send_each_delivery_once()
    {
        var business = await SignUp(Role.Business);
        await Subscribe(business, "bid.placed");
        var job = await PostJob(business);
        for (var i = 0; i < 6; i++) await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 40_000 + i);

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Sender.RunOnceAsync())));

        Assert.That(sent.Sum(), Is.EqualTo(6));
        Assert.That(Receiver.Requests.Select(r => r.Headers["webhook-id"]), Is.Unique);
        Assert.That(Receiver.Requests, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task A_failing_receiver_is_retried_with_back_off_for_three_days_then_the_webhook_is_disabled_and_its_owner_told()
    {
        var business = await SignUp(Role.Business);
        var (webhookId, _) = await Subscribe(business, "bid.placed");
        Receiver.Answer(500);
        var job = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        var start = _clock.GetUtcNow();

        await Sender.RunOnceAsync();
        Assert.That(Receiver.Requests, Has.Count.EqualTo(1));
        _clock.Advance(TimeSpan.FromSeconds(50));
        await Sender.RunOnceAsync();
        Assert.That(Receiver.Requests, Has.Count.EqualTo(1), "not again before its back-off");

        var waits = new List<TimeSpan>();
        while (Receiver.Requests.Count < 20)
        {
            var pending = (await Deliveries(business, webhookId)).Single()!;
            if (Str(pending["status"]) != "pending") break;
            var next = DateTimeOffset.Parse(Str(pending["nextAttemptAt"]));
            waits.Add(next - DateTimeOffset.Parse(Str(pending["lastAttemptAt"])));
            _clock.Advance(next - _clock.GetUtcNow());
            await Sender.RunOnceAsync();
        }

        Assert.That(waits, Is.Ordered.Ascending, "each wait at least as long as the one before");
        Assert.That(waits[0], Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(Receiver.Requests, Has.Count.EqualTo(10));
        Assert.That(_clock.GetUtcNow() - start, Is.GreaterThan(TimeSpan.FromDays(3)), "the receiver had three days");
        var failed = (await Deliveries(business, webhookId)).Single()!;
        Assert.That(Str(failed["status"]), Is.EqualTo("failed"));
        Assert.That(failed["attempts"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(failed["lastResponseCode"]!.GetValue<int>(), Is.EqualTo(500));

        var webhook = JsonNode.Parse(await business.Http.GetStringAsync("/api/webhooks"))!.AsArray().Single()!;
        Assert.That(Str(webhook["status"]), Is.EqualTo("disabled"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{business.Id}' AND kind = 'webhookDisabled'"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM mail_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.kind = 'webhookDisabled'"), Is.EqualTo(1),
            "the owner is mailed");

        // Disabled, it sends nothing more; enabled and replayed, it sends what it missed.
        Receiver.Answer(204);
        await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 45_000);
        _clock.Advance(TimeSpan.FromDays(1));
        await Sender.RunOnceAsync();
        Assert.That(Receiver.Requests, Has.Count.EqualTo(10));
        var refused = await Problem(await business.Http.PostAsJsonAsync($"/api/webhooks/{webhookId}/replay", new { after = 0 }), HttpStatusCode.Conflict);
        Assert.That(Str(refused["code"]), Is.EqualTo("webhookDisabled"));
        await Ok(await business.Http.PostAsync($"/api/webhooks/{webhookId}/enable", null));
        var replay = await business.Http.PostAsJsonAsync($"/api/webhooks/{webhookId}/replay", new { after = 0 });
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["queued"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(await Sender.RunOnceAsync(), Is.EqualTo(2));
        Assert.That((await Deliveries(business, webhookId)).Select(d => Str(d!["status"])), Is.EqualTo(new[] { "delivered", "delivered" }));
    }

    [Test]
    public async Task One_delivery_is_replayed_with_the_same_message_id()
    {
        var business = await SignUp(Role.Business);
        var (webhookId, _) = await Subscribe(business, "bid.placed");
        var job = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        await Sender.RunOnceAsync();
        var sequence = (await Deliveries(business, webhookId)).Single()!["sequence"]!.GetValue<long>();

        var other = await SignUp(Role.Business);
        Assert.That((await other.Http.PostAsync($"/api/webhooks/{webhookId}/deliveries/{sequence}/replay", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await business.Http.PostAsync($"/api/webhooks/{webhookId}/deliveries/{sequence}/replay", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await Sender.RunOnceAsync();

        Assert.That(Receiver.Requests, Has.Count.EqualTo(2));
        Assert.That(Receiver.Requests[1].Headers["webhook-id"], Is.EqualTo(Receiver.Requests[0].Headers["webhook-id"]));
    }

    [Test]
    public async Task During_a_rotation_both_secrets_sign_for_24_hours()
    {
        var business = await SignUp(Role.Business);
        var (webhookId, oldSecret) = await Subscribe(business, "bid.placed");
        var rotated = await Ok(await business.Http.PostAsync($"/api/webhooks/{webhookId}/secret", null));
        var newSecret = Str(rotated["secret"]);
        Assert.That(newSecret, Is.Not.EqualTo(oldSecret));
        var job = await PostJob(business);

        await PlaceBid(await SignUp(Role.Worker), Id(job));
        await Sender.RunOnceAsync();
        var first = Receiver.Requests.Single();
        Assert.That(Signatures(first), Is.EquivalentTo(new[]
        {
            "v1," + Hmac(newSecret, first.Headers["webhook-id"], first.Headers["webhook-timestamp"], first.Body),
            "v1," + Hmac(oldSecret, first.Headers["webhook-id"], first.Headers["webhook-timestamp"], first.Body),
        }));

        Assert.That(MarketplaceExamples.WebhookVerifier.IsGenuine(oldSecret, first.Headers["webhook-id"], first.Headers["webhook-timestamp"],
            first.Headers["webhook-signature"], first.Body, _clock.GetUtcNow()), Is.True, "a receiver still on the old secret accepts it");

        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 45_000);
        await Sender.RunOnceAsync();
        var later = Receiver.Requests[1];
        Assert.That(Signatures(later), Is.EqualTo(new[] { "v1," + Hmac(newSecret, later.Headers["webhook-id"], later.Headers["webhook-timestamp"], later.Body) }));
    }

    [Test]
    public async Task A_redirect_is_not_followed()
    {
        var business = await SignUp(Role.Business);
        var (webhookId, _) = await Subscribe(business, "bid.placed");
        Receiver.Answer(307, Receiver.Url("elsewhere"));
        await PlaceBid(await SignUp(Role.Worker), Id(await PostJob(business)));

        await Sender.RunOnceAsync();

        Assert.That(Receiver.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/hook" }));
        var log = (await Deliveries(business, webhookId)).Single()!;
        Assert.That((Str(log["status"]), log["lastResponseCode"]!.GetValue<int>()), Is.EqualTo(("pending", 307)));
    }

    [Test]
    public async Task Another_accounts_webhook_is_not_found_and_a_deleted_one_sends_nothing()
    {
        var business = await SignUp(Role.Business);
        var (webhookId, _) = await Subscribe(business, "bid.placed");
        var other = await SignUp(Role.Business);
        await Problem(await other.Http.GetAsync($"/api/webhooks/{webhookId}/deliveries"), HttpStatusCode.NotFound);
        await Problem(await other.Http.DeleteAsync($"/api/webhooks/{webhookId}"), HttpStatusCode.NotFound);
        await Problem(await other.Http.PostAsync($"/api/webhooks/{webhookId}/secret", null), HttpStatusCode.NotFound);
        await PlaceBid(await SignUp(Role.Worker), Id(await PostJob(business)));

        Assert.That((await business.Http.DeleteAsync($"/api/webhooks/{webhookId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Sender.RunOnceAsync();
        Assert.That(Receiver.Requests, Is.Empty);
    }

    [TestCase("ftp://example.com/hook", "webhookUrl")]
    [TestCase("https://10.1.2.3/hook", "webhookAddress")]
    [TestCase("https://169.254.169.254/latest/meta-data", "webhookAddress")]
    [TestCase("https://[fd00:ec2::254]/hook", "webhookAddress")]
    public async Task A_url_webhooks_may_not_call_is_a_400(string url, string code)
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/webhooks", new { url, eventTypes = new[] { "bid.placed" } }), HttpStatusCode.BadRequest);
        Assert.That(problem.ToJsonString(), Does.Contain(code));
    }

    [Test]
    public async Task An_unknown_type_of_event_is_a_400()
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/webhooks", new { url = Receiver.Url(), eventTypes = new[] { "bid.eaten" } }), HttpStatusCode.BadRequest);
        Assert.That(problem.ToJsonString(), Does.Contain("unknownEventType"));
    }

    [Test]
    public void Without_the_test_setting_plain_http_and_loopback_are_refused()
    {
        var validator = new Marketplace.Webhooks.Subscribe.Validator(Options.Create(new WebhookOptions()));
        var result = validator.Validate(new Marketplace.Webhooks.Subscribe.Command { Url = "http://example.com/hook", EventTypes = ["bid.placed"] });
        Assert.That(result.Errors.Select(e => e.ErrorCode), Does.Contain("webhookUrl"));
        result = validator.Validate(new Marketplace.Webhooks.Subscribe.Command { Url = "https://127.0.0.1/hook", EventTypes = ["bid.placed"] });
        Assert.That(result.Errors.Select(e => e.ErrorCode), Does.Contain("webhookAddress"));
    }

    [TestCase("127.0.0.1")]
    [TestCase("::1")]
    [TestCase("10.0.0.5")]
    [TestCase("172.20.1.1")]
    [TestCase("192.168.0.10")]
    [TestCase("100.64.0.1")]
    [TestCase("169.254.169.254")]
    [TestCase("0.0.0.0")]
    [TestCase("fe80::1")]
    [TestCase("fd00:ec2::254")]
    [TestCase("fc00::1")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("::ffff:127.0.0.1")]
    [TestCase("64:ff9b::a9fe:a9fe")]
    [TestCase("ff02::1")]
    [TestCase("224.0.0.1")]
    public void An_inside_address_is_refused(string address) =>
        Assert.That(WebhookAddresses.IsRefused(IPAddress.Parse(address), allowLoopback: false), Is.True);

    [TestCase("93.184.215.14")]
    [TestCase("8.8.8.8")]
    [TestCase("2606:4700::1111")]
    public void A_public_address_is_allowed(string address) =>
        Assert.That(WebhookAddresses.IsRefused(IPAddress.Parse(address), allowLoopback: false), Is.False);

    /// <summary>
    /// The check is made when connecting, on the addresses the name resolves to then (so a name that passed a check once
    /// and now resolves to 127.0.0.1 — DNS rebinding — is refused), and the socket connects to the checked address.
    /// </summary>
    [Test]
    public void A_name_that_resolves_to_an_inside_address_is_refused_at_connect_time()
    {
        using var http = new HttpClient(WebhookAddresses.Handler(allowLoopback: false));
        var e = Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync($"http://localhost:{Receiver.Port}/hook", new StringContent("{}")));
        Assert.That(e!.InnerException, Is.TypeOf<WebhookAddressRefusedException>());
        Assert.That(Receiver.Requests, Is.Empty);
    }

    [Test]
    public void Production_refuses_to_start_with_loopback_allowed()
    {
        var production = new WebhookOptions.Validation(new FixedEnvironment("Production"));
        Assert.That(production.Validate(null, new WebhookOptions { AllowLoopback = true }).Failed, Is.True);
        Assert.That(production.Validate(null, new WebhookOptions()).Succeeded, Is.True);
        Assert.That(new WebhookOptions.Validation(new FixedEnvironment("Development")).Validate(null, new WebhookOptions { AllowLoopback = true }).Succeeded, Is.True);
    }

    private sealed class FixedEnvironment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Marketplace";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
