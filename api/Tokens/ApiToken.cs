using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Tokens;

/// <summary>
/// A personal API token as listed: never its secret. <see cref="LastUsedAt"/> is to the minute, so a person can see
/// a token nothing uses any more (or one used when it should not be) and revoke it.
/// <see cref="Scopes"/> are what it may do; <see cref="MadeBeforeScopes"/> marks a token made before scopes existed, which
/// keeps every right of its person (and lists every scope) until it expires or is revoked.
/// </summary>
public sealed record ApiToken(
    string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt,
    IReadOnlyList<string> Scopes, bool MadeBeforeScopes);

/// <summary>The answer to creating a token: the only time its secret is shown.</summary>
public sealed record CreatedApiToken(string Id, string Name, string Token, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Scopes);

public static class TokenSecret
{
    private const string Prefix = "mkp_";

    /// <summary>256 random bits; the prefix lets secret scanners recognise a leaked token.</summary>
    public static string Generate() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A plain SHA-256 is enough: the secret is random and long, unlike a password.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
