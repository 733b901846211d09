using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>Swagger UI, where it is turned on, works under its own content security policy.</summary>
public sealed class SwaggerUiInTheBrowserTests : BrowserTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OpenApi:SwaggerUi"] = "true" };

    [Test]
    [Ignore("Known bug found 2026-12-07 after the day's merges: Swagger UI renders the Accounts tag and then the schemas, none of the other tags' operations (the OpenAPI document itself is whole: WebClientTests pins it). To fix: find the operation that stops Swagger UI's rendering.")]
    public async Task Swagger_UI_shows_the_API_without_breaking_its_content_security_policy()
    {
        var page = await Person();
        await page.GotoAsync("/swagger/index.html");
        await Assertions.Expect(page.Locator(".opblock").First).ToBeVisibleAsync();
        // An operation's path as Swagger UI marks it (its text breaks the path with invisible characters to wrap it).
        await Assertions.Expect(page.Locator(".opblock-summary-path[data-path='/api/jobs']").First).ToBeVisibleAsync();
        // Its page is Swashbuckle's: axe-core's findings there are not ours to fix, so only the policy is checked.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.That(CspViolations, Is.Empty);
    }
}
