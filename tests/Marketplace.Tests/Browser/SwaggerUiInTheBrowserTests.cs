using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>Swagger UI, where it is turned on, works under its own content security policy.</summary>
public sealed class SwaggerUiInTheBrowserTests : BrowserTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OpenApi:SwaggerUi"] = "true" };

    [Test]
    public async Task Swagger_UI_shows_the_API_without_breaking_its_content_security_policy()
    {
        var page = await Person();
        await page.GotoAsync("/swagger/index.html");
        await Assertions.Expect(page.Locator(".opblock").First).ToBeVisibleAsync();
        // The path as an operation's heading shows it (a description may name it too, folded away).
        await Assertions.Expect(page.GetByText("/api/jobs", new() { Exact = true }).Filter(new() { Visible = true }).First).ToBeVisibleAsync();
        // Its page is Swashbuckle's: axe-core's findings there are not ours to fix, so only the policy is checked.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.That(CspViolations, Is.Empty);
    }
}
