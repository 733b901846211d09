using System.Net;
using System.Net.Sockets;

namespace Marketplace.Webhooks;

/// <summary>A webhook's target may not reach into the server's own network: the SSRF guard.</summary>
public sealed class WebhookAddressRefusedException(string detail) : Exception(detail);

/// <summary>
/// Which addresses a webhook may be sent to, checked when the connection is made: the host is resolved here and the
/// socket connects to the address that was checked (<see cref="ConnectAsync"/> is the handler's ConnectCallback), so a
/// name that resolves to a public address when checked and to 127.0.0.1 a moment later (DNS rebinding) cannot switch
/// the connection. Refused: loopback (unless <see cref="WebhookOptions.AllowLoopback"/>), private (10/8, 172.16/12,
/// 192.168/16, fc00::/7 — which holds fd00::/8 and the cloud metadata service's IPv6 address), shared (100.64/10),
/// link-local (169.254/16 — which holds 169.254.169.254 — and fe80::/10), unspecified, multicast and reserved ranges,
/// and IPv4 written inside IPv6 for any of these.
/// </summary>
public static class WebhookAddresses
{
    public static bool IsRefused(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return !allowLoopback;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19));
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return true;
            // NAT64 (64:ff9b::/96) carries an IPv4 address in its last four bytes.
            if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
                return IsRefused(new IPAddress(b[12..]), allowLoopback);
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc;
        }
        return true;
    }

    /// <summary>Resolves the host, refuses it when any of its addresses is refused, and connects to a checked one.</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowLoopback, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (addresses.Length == 0) throw new WebhookAddressRefusedException($"{endpoint.Host} has no address.");
        // Every address must pass: a name that also resolves to an inside address is refused, whichever would be tried.
        if (addresses.FirstOrDefault(a => IsRefused(a, allowLoopback)) is { } refused)
            throw new WebhookAddressRefusedException($"{endpoint.Host} resolves to {refused}, which webhooks may not reach.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The handler every webhook is sent with: the guard at connect time, no redirects, no cookies, no proxy.</summary>
    public static SocketsHttpHandler Handler(bool allowLoopback) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowLoopback, ct),
    };
}
