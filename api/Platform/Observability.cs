using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.Platform;

/// <summary>
/// Logs that can be read together across nodes, and OpenTelemetry when an operator collects it (issue 26).
/// </summary>
public static class Observability
{
    /// <summary>The service name traces and metrics carry (<c>OTEL_SERVICE_NAME</c> overrides it).</summary>
    public const string ServiceName = "marketplace-api";

    /// <remarks>
    /// Logs: one JSON object a line (the framework's JSON console formatter) when <c>Logging:Console:FormatterName</c> is
    /// <c>json</c>, and by default in Production, with scopes on, so that every line written while a request runs carries
    /// the host's request scope: <c>RequestId</c> (the <c>traceId</c> of a problem answer), <c>RequestPath</c>, and the
    /// activity's <c>TraceId</c>/<c>SpanId</c>. <c>Logging:Console:FormatterName</c> = <c>simple</c> keeps plain text.
    /// Tracing and metrics: switched on by <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the OTLP exporter reads it and the other
    /// <c>OTEL_*</c> variables itself): ASP.NET Core's requests, outgoing HttpClient calls, and Npgsql's commands.
    /// </remarks>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var formatter = builder.Configuration["Logging:Console:FormatterName"];
        if (string.Equals(formatter, ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase)
            || (string.IsNullOrWhiteSpace(formatter) && builder.Environment.IsProduction()))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Json);
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql().AddOtlpExporter())
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter());
        }
        return builder;
    }
}
