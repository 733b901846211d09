// Verifying a Marketplace webhook in C#, per the Standard Webhooks specification, with no dependency. docs/integrations.md
// shows this file; the API's tests compile it and check it against real deliveries (WebhookTests).
using System.Security.Cryptography;
using System.Text;

namespace MarketplaceExamples;

public static class WebhookVerifier
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a delivery is genuine: signed with <paramref name="secret"/> ("whsec_…") over <c>{id}.{timestamp}.{body}</c>
    /// and sent within five minutes of <paramref name="now"/>. <paramref name="body"/> is the request's raw text.
    /// </summary>
    public static bool IsGenuine(string secret, string? id, string? timestamp, string? signatures, string body, DateTimeOffset now)
    {
        if (id is null || timestamp is null || signatures is null || !long.TryParse(timestamp, out var seconds)) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance) return false;
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        // During a secret's rotation the header carries one "v1,<base64>" per secret, space-separated: any may match.
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(',', 2);
            if (parts.Length != 2 || parts[0] != "v1") continue;
            var given = new byte[expected.Length];
            if (Convert.TryFromBase64String(parts[1], given, out var length) && length == expected.Length
                && CryptographicOperations.FixedTimeEquals(given, expected))
                return true;
        }
        return false;
    }
}
