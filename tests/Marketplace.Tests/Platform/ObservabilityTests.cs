using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace Marketplace.Tests;

/// <summary>
/// Issue 26: two nodes' logs are read together, so they are JSON lines carrying the request's scope (its RequestId and
/// TraceId) in Production or when asked; OpenTelemetry is on only where an operator collects it.
/// </summary>
public sealed class ObservabilityTests : ApiTest
{
    private static (string Formatter, bool Scopes) Logs(MarketplaceApp node) =>
        (node.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName!,
         node.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);

    [Test]
    public void Production_logs_are_json_lines_with_the_requests_scope()
    {
        using var node = new MarketplaceApp(App.Database, environment: "Production");
        Assert.That(Logs(node), Is.EqualTo((ConsoleFormatterNames.Json, true)));
    }

    [Test]
    public void Json_logs_are_asked_for_by_a_setting_and_plain_text_stays_the_default_elsewhere()
    {
        using var asked = new MarketplaceApp(App.Database, new Dictionary<string, string?> { ["Logging:Console:FormatterName"] = "json" });
        Assert.That(Logs(asked), Is.EqualTo((ConsoleFormatterNames.Json, true)));
        using var plain = new MarketplaceApp(App.Database);
        Assert.That(plain.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName, Is.Not.EqualTo(ConsoleFormatterNames.Json));
    }

    [Test]
    public void Tracing_is_on_only_with_an_OTLP_endpoint()
    {
        using var collected = new MarketplaceApp(App.Database, new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" });
        Assert.That(collected.Services.GetService<TracerProvider>(), Is.Not.Null);
        using var plain = new MarketplaceApp(App.Database);
        Assert.That(plain.Services.GetService<TracerProvider>(), Is.Null);
    }
}
