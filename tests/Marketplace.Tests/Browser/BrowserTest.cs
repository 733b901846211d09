using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Drives Debian's Chromium, headless, through Playwright against the real API and web client on a fresh database.
/// Every page a test visits is scanned by axe-core and photographed into artifacts/browser/, and no page may break
/// the site's content security policy (see <see cref="CspViolations"/>).
/// </summary>
[Category("Browser")]
[NonParallelizable]
public abstract class BrowserTest : ApiTest
{
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static string? _axeSource;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentQueue<string> _cspViolations = new();
    private int _shots;

    /// <summary>
    /// Every content security policy violation any page of the test reported (W3C CSP Level 3, the
    /// 'securitypolicyviolation' event): what was blocked, by which directive, where. A script or style the policy
    /// blocks may leave the page looking right while a feature is silently gone, so any report fails the test.
    /// </summary>
    protected IReadOnlyCollection<string> CspViolations => _cspViolations;

    private const string ReportCspViolations = """
        document.addEventListener('securitypolicyviolation', e => window.__reportCspViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}` +
          (e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '') + (e.sample ? ` (${e.sample})` : '')));
        """;

    protected override bool RealServer => true;
    protected string BaseUrl { get; private set; } = "";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string ArtifactsFolder => Path.Combine(WebClientTests.RepositoryRoot(), "artifacts", "browser");

    [OneTimeSetUp]
    public async Task LaunchChromium()
    {
        if (_browser is not null) return;
        if (!File.Exists(ChromiumPath))
            Assert.Fail($"Chromium is not at {ChromiumPath}. Install Debian's browser (apt-get install chromium) or set CHROMIUM_PATH; ./test.sh installs it when it can.");
        var axe = Path.Combine(WebClientTests.RepositoryRoot(), "web-client", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe)) Assert.Fail($"axe-core is missing at {axe}: run 'npm ci' in web-client (building the API does).");
        _axeSource = await File.ReadAllTextAsync(axe);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no outside network: without these Chromium keeps trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    [SetUp]
    public void FindServer()
    {
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        ServerAddress = new Uri(BaseUrl);
        _shots = 0;
    }

    [TearDown]
    public async Task CloseContexts()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        _contexts.Clear();
        var violations = _cspViolations.ToArray();
        _cspViolations.Clear();
        Assert.That(violations, Is.Empty, "content security policy violations on the pages visited");
    }

    /// <summary>A separate browser (cookies and storage of its own) as one person; phones are 360 px wide.</summary>
    protected async Task<IPage> Person(bool phone = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        // Both scripts run through the DevTools protocol, outside the page's content security policy: axe-core is there
        // for Check without an inline <script> the policy would (rightly) block, and violations are reported to the test.
        await context.ExposeFunctionAsync<string>("__reportCspViolation", report => _cspViolations.Enqueue(report));
        await context.AddInitScriptAsync(ReportCspViolations);
        await context.AddInitScriptAsync(_axeSource);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page.</summary>
    protected static async Task SignIn(IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        // The signed-in menu exists (on a phone it is folded behind the menu button).
        await Assertions.Expect(page.Locator("#main-nav")).ToBeAttachedAsync();
    }

    /// <summary>
    /// Chooses the page's language as its reader does: beside the site's name, or, signed in on a phone, in the folded
    /// menu (the header is one row there).
    /// </summary>
    protected static async Task ChooseLanguage(IPage page, string language)
    {
        var choice = page.GetByRole(AriaRole.Button, new() { Name = language, Exact = true });
        if (!await choice.IsVisibleAsync()) await page.Locator(".menu-toggle").ClickAsync();
        await choice.ClickAsync();
    }

    /// <summary>Ticks the sign-up form's consent to the terms of use and the privacy policy (issue 27).</summary>
    protected static Task AgreeToTheTerms(IPage page) =>
        page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("利用規約.*プライバシーポリシー.*同意します") }).CheckAsync();

    /// <summary>Opens the link of the confirmation mail sent to the address, as its owner does, and confirms it.</summary>
    protected async Task ConfirmEmailAsItsOwner(IPage page, string address)
    {
        await page.GotoAsync($"/confirm-email#token={MailedTokenTo(address, "emailConfirmation")}");
        await page.GetByRole(AriaRole.Button, new() { Name = "メールアドレスを確認する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{address} を確認しました");
    }

    /// <summary>
    /// Signs in to an account with two-step sign-in as a person does: the password first; the form then asks for the
    /// code (issue 27), which goes with the password.
    /// </summary>
    protected static async Task SignInWithCode(IPage page, string email, string password, string code)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.GetByText("このアカウントは2段階認証を使っています", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByLabel("確認コード", new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        // Signed in once the menu is there: a test that went on to another page at once raced the sign-in's answer and
        // arrived without its cookie (a full run on a loaded machine: the page asked for a sign-in again).
        await Assertions.Expect(page.Locator("#main-nav")).ToBeAttachedAsync();
    }

    /// <summary>
    /// Waits for the page to settle, runs axe-core on it and fails on any serious or critical violation or on any
    /// content security policy violation so far, or when the page scrolls sideways; saves a full-page screenshot as a test artifact.
    /// </summary>
    protected async Task Check(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".pending")).ToHaveCountAsync(0);
        var folder = Path.Combine(ArtifactsFolder, TestContext.CurrentContext.Test.Name);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{++_shots:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);

        Assert.That(CspViolations, Is.Empty, $"content security policy violations up to '{name}' ({page.Url})");
        Assert.That(await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"), Is.True, "axe-core is loaded by the context's init script");
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
            }
            """);
        Assert.That(result.GetArrayLength(), Is.Zero, $"axe-core on '{name}' ({page.Url}): {result}");
        // No page scrolls sideways, on a 360 px phone above all (issue 13): checked on every page a test checks.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), $"'{name}' ({page.Url}) scrolls sideways: {widths[0]} px wide on a {widths[1]} px screen");
    }

    /// <summary>Presses Tab until the focused element matches, as a keyboard user would; fails if it is never reached.</summary>
    protected static async Task TabTo(IPage page, string cssSelector, int maxPresses = 80)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", cssSelector)) return;
        }
        Assert.Fail($"'{cssSelector}' was not reached with {maxPresses} presses of Tab.");
    }

    /// <summary>Whether the focused element shows a visible focus ring.</summary>
    protected static Task<bool> FocusIsVisible(IPage page) =>
        page.EvaluateAsync<bool>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");

    /// <summary>One Chromium serves every browser test of the run; the run's last teardown closes it.</summary>
    internal static async Task CloseSharedBrowser()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }
}
