using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

[SetUpFixture]
public sealed class BrowserRun
{
    [OneTimeTearDown]
    public Task CloseBrowser() => BrowserTest.CloseSharedBrowser();
}
