using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Webhooks;

/// <summary>
/// Signing as the Standard Webhooks specification says: the secret is <c>whsec_</c> and the base64 of 32 random bytes;
/// the signature is HMAC-SHA256 keyed with those bytes over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as
/// <c>v1,{base64}</c>; during a secret's rotation the header carries one signature per valid secret, space-separated, and
/// a receiver accepts the message when any of them matches a secret it knows.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header's value for one message, one <c>v1,</c> signature per secret.</summary>
    public static string Header(string messageId, long timestamp, string body, IEnumerable<string> secrets) =>
        string.Join(' ', secrets.Select(secret => "v1," + Sign(messageId, timestamp, body, secret)));

    public static string Sign(string messageId, long timestamp, string body, string secret)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}")));
    }
}
