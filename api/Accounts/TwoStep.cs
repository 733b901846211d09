using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>
/// The second step of sign-in (OWASP ASVS 5.0 V6.5, NIST SP 800-63B 5.1.4/5.1.2): a TOTP code (<see cref="Totp"/>)
/// or one of the person's recovery codes. Each is accepted once only, decided by one conditional statement in the
/// database, so two requests racing with the same code cannot both pass (ASVS V6.5.1).
/// </summary>
public sealed partial class TwoStep(DbSession db, TimeProvider clock)
{
    public const string Issuer = "Regional Work Market";
    public const int RecoveryCodeCount = 10;

    /// <summary>A TOTP code: exactly six ASCII digits.</summary>
    [GeneratedRegex("^[0-9]{6}$")]
    public static partial Regex CodeFormat();

    /// <summary>A recovery code: 24 Base32 characters in groups of four, the hyphens optional, any case.</summary>
    [GeneratedRegex("^[A-Za-z2-7]{4}(-?[A-Za-z2-7]{4}){5}$")]
    public static partial Regex RecoveryCodeFormat();

    public static bool IsCodeOrRecoveryCode(string? code) => code is not null && (CodeFormat().IsMatch(code) || RecoveryCodeFormat().IsMatch(code));

    public async Task<bool> IsConfirmedAsync(string userId) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM two_step WHERE user_id = @UserId AND confirmed_at IS NOT NULL",
            new { UserId = userId }) == 1;

    /// <summary>
    /// Accepts a code of the person's confirmed enrolment once: a TOTP code within ±1 step whose step is later than
    /// the last accepted one (so neither it nor any earlier code works again), or an unused recovery code.
    /// </summary>
    public async Task<bool> AcceptAsync(string userId, string? code)
    {
        if (code is null) return false;
        if (CodeFormat().IsMatch(code))
        {
            var secret = await db.ExecuteScalarAsync<string?>(
                "SELECT secret FROM two_step WHERE user_id = @UserId AND confirmed_at IS NOT NULL", new { UserId = userId });
            return secret is not null && await AcceptStepAsync(userId, secret, code, confirming: false);
        }
        if (!RecoveryCodeFormat().IsMatch(code)) return false;
        return await db.ExecuteAsync(
            "UPDATE two_step_recovery_codes SET used_at = @Now WHERE user_id = @UserId AND code_hash = @Hash AND used_at IS NULL",
            new { UserId = userId, Hash = Hash(code), Now = clock.GetUtcNow() }) == 1;
    }

    /// <summary>
    /// Records the code's step as the last accepted one, if the code matches a step within the window and that step
    /// is later than the last accepted one (RFC 6238 section 5.2: the verifier must not accept the second attempt
    /// of the same OTP). Confirming also marks the enrolment confirmed in the same statement.
    /// </summary>
    public async Task<bool> AcceptStepAsync(string userId, string secret, string code, bool confirming)
    {
        if (Totp.MatchingStep(secret, code, clock.GetUtcNow()) is not { } step) return false;
        var sql = confirming
            ? "UPDATE two_step SET last_step = @Step, confirmed_at = @Now WHERE user_id = @UserId AND confirmed_at IS NULL AND (last_step IS NULL OR last_step < @Step)"
            : "UPDATE two_step SET last_step = @Step WHERE user_id = @UserId AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < @Step)";
        return await db.ExecuteAsync(sql, new { UserId = userId, Step = step, Now = clock.GetUtcNow() }) == 1;
    }

    /// <summary>
    /// Ten new recovery codes, replacing any earlier ones: 120 bits each from the CSPRNG (ASVS V6.5.3), stored as
    /// SHA-256 hashes only (ASVS V6.5.2 allows a plain hash from 112 bits on), shown to the person once.
    /// </summary>
    public async Task<string[]> NewRecoveryCodesAsync(string userId)
    {
        await db.ExecuteAsync("DELETE FROM two_step_recovery_codes WHERE user_id = @UserId", new { UserId = userId });
        var codes = new string[RecoveryCodeCount];
        for (var i = 0; i < codes.Length; i++)
        {
            var text = Totp.Base32(RandomNumberGenerator.GetBytes(15)).ToLowerInvariant(); // 24 characters
            codes[i] = string.Join('-', Enumerable.Range(0, 6).Select(g => text.Substring(g * 4, 4)));
            await db.ExecuteAsync("INSERT INTO two_step_recovery_codes (user_id, code_hash) VALUES (@UserId, @Hash)",
                new { UserId = userId, Hash = Hash(codes[i]) });
        }
        return codes;
    }

    /// <summary>The hash of a recovery code as typed in any case, with or without its hyphens.</summary>
    private static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code.Replace("-", "").ToLowerInvariant())));

    public const string EnrolFirst =
        "Administrators and office staff must use two-step sign-in: enrol first (POST /api/me/two-step, then POST /api/me/two-step/confirm).";
}
