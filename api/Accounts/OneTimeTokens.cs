using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>What a link mailed to a person does once opened.</summary>
public enum TokenPurpose { PasswordReset, EmailConfirmation, EmailChange }

/// <summary>
/// The tokens of links mailed to a person (a password reset, an address to confirm): 32 bytes from the CSPRNG written
/// as base64url, so a link carries 43 characters. Only the SHA-256 hash is stored (OWASP ASVS 5.0 V6.4.1: sent secrets
/// are random and expire; a plain hash is enough for 256 random bits), so a copy of the database opens no link. Each
/// is redeemed once, decided by one conditional UPDATE: of two requests racing with the same link, one succeeds.
/// </summary>
public static class OneTimeTokens
{
    /// <summary>A reset link is short-lived (the issue's 30 minutes): it is asked for just before it is used.</summary>
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromMinutes(30);

    /// <summary>A confirmation link waits for the person to read their mail, which may be the next day.</summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(24);

    public static TimeSpan LifetimeOf(TokenPurpose purpose) => purpose == TokenPurpose.PasswordReset ? ResetLifetime : ConfirmationLifetime;

    /// <summary>43 base64url characters; anything else is not a token and is refused before it is hashed.</summary>
    public const int Length = 43;

    /// <summary>
    /// A new token for the person and the address it is mailed to. Earlier links of the same purpose stop working, so
    /// only the newest mail's link opens; the person's expired rows are dropped, so the table holds live links only.
    /// </summary>
    public static async Task<string> IssueAsync(DbSession db, string userId, TokenPurpose purpose, string email, DateTimeOffset now)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await db.ExecuteAsync("DELETE FROM one_time_tokens WHERE user_id = @UserId AND expires_at <= @Now", new { UserId = userId, Now = now });
        await db.ExecuteAsync(
            "UPDATE one_time_tokens SET expires_at = @Now WHERE user_id = @UserId AND purpose = @Purpose AND used_at IS NULL AND expires_at > @Now",
            new { UserId = userId, Purpose = WireName.Of(purpose), Now = now });
        await db.ExecuteAsync(
            """
            INSERT INTO one_time_tokens (token_hash, user_id, purpose, email, created_at, expires_at)
            VALUES (@Hash, @UserId, @Purpose, @Email, @Now, @Expires)
            """,
            new { Hash = Hash(token), UserId = userId, Purpose = WireName.Of(purpose), Email = email, Now = now, Expires = now + LifetimeOf(purpose) });
        return token;
    }

    /// <summary>Whose link it was, the address it was mailed to, and what it was for.</summary>
    public sealed class Redeemed
    {
        public string UserId { get; init; } = "";
        public string Email { get; init; } = "";
        public TokenPurpose Purpose { get; init; }
    }

    /// <summary>
    /// Marks the token used if it is live and of one of the purposes, in one statement, and answers whose it was; null
    /// when it is unknown, used, expired, superseded or of another purpose (all alike: the answer tells nothing more). A
    /// reset or a confirmation of the account's address also needs that address to be the account's still: a link
    /// mailed to an address the person has since left must not reset their password.
    /// </summary>
    public static async Task<Redeemed?> RedeemAsync(DbSession db, string? token, DateTimeOffset now, params TokenPurpose[] purposes)
    {
        if (token is null || token.Length != Length || !Base64Url.IsValid(token)) return null;
        var hash = Hash(token);
        var redeemed = await db.ExecuteAsync(
            """
            UPDATE one_time_tokens SET used_at = @Now
            WHERE token_hash = @Hash AND purpose IN @Purposes AND used_at IS NULL AND expires_at > @Now
              AND (purpose = 'emailChange'
                   OR EXISTS (SELECT 1 FROM users u WHERE u.id = one_time_tokens.user_id AND u.email = one_time_tokens.email))
            """,
            new { Hash = hash, Purposes = purposes.Select(p => WireName.Of(p)).ToArray(), Now = now });
        if (redeemed != 1) return null;
        return await db.QuerySingleAsync<Redeemed>("SELECT user_id, email, purpose FROM one_time_tokens WHERE token_hash = @Hash", new { Hash = hash });
    }

    /// <summary>Every live link of the person for these purposes stops working (a reset done, an address changed).</summary>
    public static Task EndAllAsync(DbSession db, string userId, DateTimeOffset now, params TokenPurpose[] purposes) =>
        db.ExecuteAsync(
            "UPDATE one_time_tokens SET expires_at = @Now WHERE user_id = @UserId AND purpose IN @Purposes AND used_at IS NULL AND expires_at > @Now",
            new { UserId = userId, Purposes = purposes.Select(p => WireName.Of(p)).ToArray(), Now = now });

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
