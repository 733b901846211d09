using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Swagger UI, where it is turned on, shows the whole API under its own content security policy: every tag of the
/// document is in the page (Swagger UI 5.3x leaves out the rows outside the viewport once its list reaches 150 rows,
/// which the API's 190-odd operations did when every tag was open: Platform/OpenApi.cs), and a tag opened shows its
/// operations.
/// </summary>
public sealed class SwaggerUiInTheBrowserTests : BrowserTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OpenApi:SwaggerUi"] = "true" };

    [Test]
    public async Task Swagger_UI_shows_every_tag_and_a_tags_operations_without_breaking_its_content_security_policy()
    {
        var document = (await App.CreateClient().GetFromJsonAsync<JsonObject>("/swagger/v1/swagger.json"))!;
        var tags = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["tags"]![0]!.GetValue<string>()))
            .Distinct().ToList();
        Assert.That(tags, Has.Count.GreaterThan(20), "the document's tags");

        var page = await Person();
        await page.GotoAsync("/swagger/index.html");
        await Assertions.Expect(page.Locator(".opblock-tag-section").First).ToBeAttachedAsync();
        // Every tag heading is in the page, the last one too, not only those near the top of the viewport.
        await Assertions.Expect(page.Locator(".opblock-tag-section")).ToHaveCountAsync(tags.Count);
        await Assertions.Expect(page.Locator($".opblock-tag[data-tag='{tags[^1]}']")).ToBeAttachedAsync();

        // A person opens the Jobs tag and finds its operations; an operation's path as Swagger UI marks it (its text
        // breaks the path with invisible characters to wrap it).
        await page.Locator(".opblock-tag[data-tag='Jobs']").ClickAsync();
        await Assertions.Expect(page.Locator(".opblock-summary-path[data-path='/api/jobs']").First).ToBeVisibleAsync();
        var jobsOperations = document["paths"]!.AsObject()
            .Sum(p => p.Value!.AsObject().Count(o => o.Value!["tags"]![0]!.GetValue<string>() == "Jobs"));
        await Assertions.Expect(page.Locator("#operations-tag-Jobs").Locator("xpath=ancestor::div[contains(@class,'opblock-tag-section')]").Locator(".opblock"))
            .ToHaveCountAsync(jobsOperations);

        // Its page is Swashbuckle's: axe-core's findings there are not ours to fix, so only the policy is checked.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.That(CspViolations, Is.Empty);
    }
}
