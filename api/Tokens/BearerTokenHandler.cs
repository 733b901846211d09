using System.Text.Encodings.Web;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Marketplace.Tokens;

/// <summary>
/// Authenticates <c>Authorization: Bearer mkp_…</c> against the stored hashes of tokens that are neither revoked nor
/// expired and whose person is not suspended (a suspension refuses them until reinstatement), and notes when each was last
/// used. A token found valid is kept in memory for <see cref="ValidatedTokens.Lifetime"/>, so that an integration's
/// requests do not each read the database (see <see cref="ValidatedTokens"/> for when a revocation takes effect).
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DbSession db, TimeProvider clock,
    ValidatedTokens validated)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = Authentication.TokenScheme;

    /// <summary>
    /// lastUsedAt is written at most once a minute per token: an integration's burst of calls then costs one write,
    /// not one write lock per request. The one request a minute that writes it pays one UPDATE by primary key; the others
    /// touch no database at all. Its list shows the minute, which is what a person reads it for.
    /// </summary>
    private static readonly TimeSpan LastUseGranularity = TimeSpan.FromMinutes(1);

    private sealed class TokenRow
    {
        public string TokenId { get; init; } = "";
        public DateTimeOffset? ExpiresAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
        public string Id { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Role Role { get; init; }
        public string Scopes { get; init; } = "";
        public bool AllScopes { get; init; }

        public Account ToAccount() => new() { Id = Id, Email = Email, DisplayName = DisplayName, Role = Role };
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token.");

        var hash = TokenSecret.Hash(token);
        var now = clock.GetUtcNow();
        var entry = validated.Find(hash) ?? await ReadAsync(hash, now);
        if (entry is null) return AuthenticateResult.Fail("Unknown, revoked or expired token, or a suspended account.");
        if (ValidatedTokens.ClaimLastUse(entry, now, LastUseGranularity))
            await db.ExecuteAsync("UPDATE api_tokens SET last_used_at = @Now WHERE id = @Id", new { Id = entry.TokenId, Now = now });
        var principal = Authentication.Principal(entry.Account, SchemeName);
        // What the token may do: UseTokenScopes compares it with the scope each route declares.
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(TokenScopes.Claim, entry.Scopes));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<ValidatedTokens.Entry?> ReadAsync(string hash, DateTimeOffset now)
    {
        var generation = validated.Generation;
        var row = await db.QuerySingleOrDefaultAsync<TokenRow>(
            """
            SELECT t.id AS token_id, t.expires_at, t.last_used_at, t.scopes, t.all_scopes, u.id, u.email, u.display_name, u.role
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @Hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > @Now)
              AND u.suspended_at IS NULL
            """,
            new { Hash = hash, Now = now });
        if (row is null) return null;
        var entry = new ValidatedTokens.Entry(row.TokenId, row.ToAccount(), row.ExpiresAt, now, row.LastUsedAt, row.AllScopes ? TokenScopes.All : row.Scopes);
        validated.Keep(hash, entry, generation);
        return entry;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        // RFC 6750 §3.1: a token that was sent but is not accepted is "invalid_token" (revoked, expired or unknown).
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
    }
}
