using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Marketplace.Platform;

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy: the client's address and the https scheme arrive in
/// X-Forwarded-For and X-Forwarded-Proto. Those headers are read only from the proxies and networks the settings
/// list (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>); anyone else could write them
/// and choose their own address (and so their own rate-limit bucket). With nothing listed they are not read at all.
/// </summary>
public static class KnownProxies
{
    public const string ProxiesSetting = "ForwardedHeaders:KnownProxies";
    public const string NetworksSetting = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddKnownProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only what the operator listed is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var text in Entries(configuration, ProxiesSetting))
                o.KnownProxies.Add(IPAddress.TryParse(text, out var address) ? address
                    : throw new InvalidOperationException($"{ProxiesSetting}: '{text}' is not an IP address."));
            foreach (var text in Entries(configuration, NetworksSetting))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network) ? network
                    : throw new InvalidOperationException($"{NetworksSetting}: '{text}' is not a network in CIDR notation (10.0.0.0/8)."));
            // Walk back through X-Forwarded-For past every listed proxy (a load balancer in front of nginx) and stop at
            // the first address that is not one: that is the client. An unlisted hop's claims are never read.
            o.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline, so that logging, the rate limiter and the cookie's Secure flag see the client's address
    /// and scheme. Left out when nothing is listed: the framework's middleware with empty lists would trust everyone.
    /// </summary>
    public static IApplicationBuilder UseKnownProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count + options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders();
    }

    /// <summary>A list setting, as an array (appsettings.json) or one comma-separated value (an environment variable).</summary>
    private static IEnumerable<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
