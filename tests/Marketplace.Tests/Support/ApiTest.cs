using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// The real app, started once per fixture or shared by the fixtures with the same settings (a start builds the whole
/// app: about as long as a few tests), and a clean database for each test: before each test the host's database goes
/// back to the migrated template and its clock to the real time.
/// </summary>
[ShuffledOnRequest]
public abstract class ApiTest
{
    public const string Password = "correct horse battery";
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private int _users;
    private MarketplaceApp? _host;

    /// <summary>The app of this test: the fixture's host, unless the test started one of its own.</summary>
    protected MarketplaceApp App { get; set; } = null!;

    [SetUp]
    public void StartTest()
    {
        // A test may have stopped the host to restart the app on other settings; the next test gets a new one.
        if (_host is null || _host.IsDisposed || HostPerTest)
            _host = SharesHost ? SharedHosts.Take(Settings) : new MarketplaceApp(TestDatabase.New(), Settings, RealServer, clock: Clock);
        _host.Database.Reset();
        (Clock as ManualClock)?.Reset();
        App = _host;
    }

    [TearDown]
    public void EndTest()
    {
        // An app the test started itself (a restart, other settings) stops with the test; the fixture's host stays.
        if (!ReferenceEquals(App, _host)) App.Dispose();
        if (HostPerTest) _host?.Dispose();
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        if (_host is null) return;
        // A shared host serves the next fixture with the same settings; the run stops it at its end (TestRun).
        if (SharesHost) SharedHosts.GiveBack(_host, Settings); else _host.Dispose();
    }

    /// <summary>A fixture with a clock of its own, a real socket or a host per test has a host of its own.</summary>
    private bool SharesHost => Clock is null && !RealServer && !HostPerTest;

    /// <summary>The fixture's settings, read once when its host starts.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>
    /// A fixture that counts requests against an ASP.NET rate limit starts a host for each test: the limiter keeps its
    /// counts in the host's memory, per address, for a minute, and no reset of the database clears them.
    /// </summary>
    protected virtual bool HostPerTest => false;

    /// <summary>
    /// A test class that moves time gives the app its own clock here, once: the host keeps it, and each test starts with
    /// it set back to the real time (<see cref="ManualClock.Reset"/>).
    /// </summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>Browser tests run the app on Kestrel so that Chromium can reach it.</summary>
    protected virtual bool RealServer => false;

    /// <summary>Kestrel's address when the app runs on a real socket.</summary>
    protected Uri? ServerAddress { get; set; }

    /// <summary>A client that behaves like the web client: keeps cookies and sends the CSRF header.</summary>
    protected HttpClient Browser(bool csrfHeader = true)
    {
        var options = new WebApplicationFactoryClientOptions { HandleCookies = true };
        if (ServerAddress is not null) options.BaseAddress = ServerAddress;
        var client = App.CreateClient(options);
        if (csrfHeader) client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return client;
    }

    /// <summary>
    /// Signs in without a cookie jar and returns the cookie as a browser would have saved it ("mkp_auth=…"), so that a
    /// test can replay it from anywhere: another browser, or after a sign-out.
    /// </summary>
    protected async Task<string> SignInCookie(string email, string password = Password)
    {
        var response = await App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false })
            .PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mkp_auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>A client that sends exactly this saved cookie (and the CSRF header), and never stores a new one.</summary>
    protected HttpClient WithCookie(string cookie)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return client;
    }

    /// <summary>A client whose connection comes from <paramref name="remoteAddress"/>, as a proxy's or a person's would.</summary>
    protected HttpClient ClientFrom(string remoteAddress)
    {
        var handler = App.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress));
        return new HttpClient(handler) { BaseAddress = App.Server.BaseAddress };
    }

    /// <summary>
    /// A person signed up as the web client does it (accepting the terms and privacy policy in force) and signed in; their
    /// address confirmed through the link of the mail in the outbox, unless <paramref name="confirmEmail"/> is false.
    /// </summary>
    protected async Task<User> SignUp(Role role, string? name = null, bool confirmEmail = true)
    {
        var n = Interlocked.Increment(ref _users);
        var email = $"{WireName.Of(role)}{n}@test.example";
        var http = Browser();
        var (terms, privacy) = await LegalVersions();
        var registered = await Created(await http.PostAsJsonAsync("/api/auth/register",
            new { email, password = Password, displayName = name ?? $"{role} {n}", role = WireName.Of(role), acceptedTermsVersion = terms,
                  acceptedPrivacyVersion = privacy }));
        if (confirmEmail)
            await Ok(await http.PostAsJsonAsync("/api/auth/confirm-email", new { token = MailedToken(Id(registered), "emailConfirmation") }));
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var account = await login.Content.ReadFromJsonAsync<JsonObject>();
        return new User(account!["id"]!.GetValue<string>(), email, account["displayName"]!.GetValue<string>(), role, http);
    }

    /// <summary>The versions of the terms of use and the privacy policy in force, as sign-up sends them.</summary>
    protected async Task<(int Terms, int Privacy)> LegalVersions()
    {
        var legal = await Ok(await Browser().GetAsync("/api/legal"));
        return (legal["terms"]!["version"]!.GetValue<int>(), legal["privacy"]!["version"]!.GetValue<int>());
    }

    /// <summary>The token of the newest link of this kind mailed to an address (a sign-up in the browser, a new address).</summary>
    protected string MailedTokenTo(string address, string kind)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT user_id FROM account_mail WHERE to_address = '{address}' AND kind = '{kind}' ORDER BY id DESC LIMIT 1";
        return MailedToken(command.ExecuteScalar() as string ?? throw new AssertionException($"No {kind} link was mailed to {address}."), kind);
    }

    /// <summary>
    /// The token of the newest link of this kind mailed to the person, as the mail will carry it: the outbox keeps it
    /// sealed until the mail leaves, and the app's own keys unseal it.
    /// </summary>
    protected string MailedToken(string userId, string kind)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sealed_token FROM account_mail WHERE user_id = '{userId}' AND kind = '{kind}' ORDER BY id DESC LIMIT 1";
        var sealedToken = command.ExecuteScalar() as string;
        return App.Services.GetRequiredService<Marketplace.Mail.AccountMailOutbox>().Unseal(sealedToken)
            ?? throw new AssertionException($"No {kind} link was mailed to {userId}.");
    }

    /// <summary>
    /// Enrols the signed-in person in two-step sign-in through the API and confirms it with the current code,
    /// computed from the returned secret; the secret and the recovery codes.
    /// </summary>
    /// <summary>
    /// An administrator made as the operator makes one (from the command line), signed in and enrolled in two-step
    /// sign-in, which every administrator action needs.
    /// </summary>
    protected async Task<User> Administrator(string displayName = "Administrator")
    {
        var account = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password, displayName);
        var http = Browser();
        await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = Password }));
        await EnrolTwoStep(http);
        return new User(account.Id, account.Email, account.DisplayName, Role.Administrator, http);
    }

    protected async Task<(string Secret, string[] RecoveryCodes)> EnrolTwoStep(HttpClient http)
    {
        var enrolment = await Ok(await http.PostAsync("/api/me/two-step", null));
        var secret = Str(enrolment["secret"]);
        var confirmed = await Ok(await http.PostAsJsonAsync("/api/me/two-step/confirm", new { code = TotpNow(secret) }));
        return (secret, confirmed["recoveryCodes"]!.AsArray().Select(c => Str(c)).ToArray());
    }

    /// <summary>The code an authenticator app shows now (by the test's clock, when it has one), or <paramref name="steps"/> steps away.</summary>
    protected string TotpNow(string secret, int steps = 0) =>
        Marketplace.Accounts.Totp.Code(secret, Marketplace.Accounts.Totp.Step((Clock ?? TimeProvider.System).GetUtcNow()) + steps);

    protected static object NewJob(string title = "純米酒のラベルデザイン", string category = "design", long budgetMin = 30_000,
        long budgetMax = 80_000, int deadlineDays = 30, string? region = "秋田県湯沢市", string description = "雪と稲穂のモチーフで") =>
        new { title, description, category, budgetMin, budgetMax, deadline = DateTimeOffset.UtcNow.AddDays(deadlineDays), region };

    protected static async Task<JsonObject> Created(HttpResponseMessage response) => await Expect(response, HttpStatusCode.Created);

    protected static async Task<JsonObject> Ok(HttpResponseMessage response) => await Expect(response, HttpStatusCode.OK);

    protected static async Task<JsonObject> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and returns it.</summary>
    protected static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)status));
        Assert.That(body, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "a problem never shows internals");
        return problem;
    }

    protected async Task<JsonObject> PostJob(User business, object? job = null) =>
        await Created(await business.Http.PostAsJsonAsync("/api/jobs", job ?? NewJob()));

    protected async Task<JsonObject> PlaceBid(User worker, string jobId, long amount = 50_000, int deliveryDays = 14) =>
        await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{jobId}/bids",
            new { amount, deliveryDays, message = "3案ご提案します" }));

    protected async Task<JsonObject> Award(User business, string jobId, string bidId) =>
        await Created(await business.Http.PostAsJsonAsync($"/api/jobs/{jobId}/award", new { bidId }));

    /// <summary>The business asks <paramref name="producer"/> (by its e-mail) to broker for it and the producer accepts: the active link.</summary>
    protected async Task<JsonObject> LinkProducer(User business, User producer, bool canPostJobs = true, bool canAward = true, decimal feeRate = 0.05m)
    {
        var link = await Created(await business.Http.PostAsJsonAsync("/api/producer-links", new { producerEmail = producer.Email, canPostJobs, canAward, feeRate }));
        return await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null));
    }

    /// <summary>A business's job awarded to a worker's bid: the contract.</summary>
    protected async Task<(User Business, User Worker, JsonObject Contract)> AwardedContract()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = await PlaceBid(worker, Id(job));
        return (business, worker, await Award(business, Id(job), Id(bid)));
    }

    /// <summary>A producer with a 5% fee posts a transcription job for its client and awards it to a worker's bid.</summary>
    protected async Task<(User Business, User Producer, User Worker, JsonObject Contract)> BrokeredContract(long amount)
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await LinkProducer(business, producer);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "文字起こし", description = "60分", category = "transcription", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));
        return (business, producer, worker, await Award(producer, Id(job), Id(await PlaceBid(worker, Id(job), amount))));
    }

    protected static string Id(JsonObject o) => o["id"]!.GetValue<string>();

    protected static string Str(JsonNode? node) => node!.GetValue<string>();

    protected long Scalar(string sql)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
