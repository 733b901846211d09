using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts;

/// <summary>
/// Sign-in sessions kept on the server. The cookie stays the framework's (encrypted, HttpOnly, with its own idle
/// expiry); it names a row of <c>sessions</c>, and a request is signed in only while that row is live. Ending the
/// row ends the session at once, wherever its cookie was copied to (OWASP ASVS 5.0 V7.4.1).
/// </summary>
public sealed class Sessions(DbSession db, TimeProvider clock, IOptions<AuthOptions> options, MediatR.IMediator mediator)
{
    /// <summary>A new session for a sign-in (ASVS V7.2.4), ending at the latest after the absolute lifetime.</summary>
    public async Task<string> StartAsync(string userId)
    {
        var now = clock.GetUtcNow();
        // The person's ended and expired sessions serve nothing any more; dropping them here keeps the table to the
        // sessions that are live, without a clean-up job.
        await db.ExecuteAsync("DELETE FROM sessions WHERE user_id = @UserId AND (ended_at IS NOT NULL OR expires_at <= @Now)",
            new { UserId = userId, Now = now });
        // 128 random bits (ASVS V7.2.3), though the id only ever travels inside the encrypted cookie.
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await db.ExecuteAsync("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (@Id, @UserId, @Now, @Expires)",
            new { Id = id, UserId = userId, Now = now, Expires = now.AddDays(options.Value.SessionLifetimeDays) });
        return id;
    }

    /// <summary>
    /// Live: not ended, not expired, and its person not suspended. The suspension ends the sessions too; reading it here
    /// as well keeps a sign-in that raced the suspension from starting a session that outlives it.
    /// </summary>
    public async Task<bool> IsLiveAsync(string id, string userId) =>
        await db.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = @Id AND s.user_id = @UserId AND s.ended_at IS NULL AND s.expires_at > @Now AND u.suspended_at IS NULL
            """,
            new { Id = id, UserId = userId, Now = clock.GetUtcNow() }) == 1;

    public Task EndAsync(string id) =>
        db.ExecuteAsync("UPDATE sessions SET ended_at = @Now WHERE id = @Id AND ended_at IS NULL", new { Id = id, Now = clock.GetUtcNow() });

    /// <summary>
    /// Ends every live session of the person, except <paramref name="keep"/> when given (the caller's own), and tells
    /// what grants access of its own (<see cref="AccessEnded"/>: the API tokens) in the same transaction.
    /// </summary>
    public async Task EndAllAsync(string userId, AccessEndedBy by, string? keep = null)
    {
        await db.ExecuteAsync("UPDATE sessions SET ended_at = @Now WHERE user_id = @UserId AND ended_at IS NULL AND (@Keep IS NULL OR id <> @Keep)",
            new { UserId = userId, Keep = keep, Now = clock.GetUtcNow() });
        await mediator.Publish(new AccessEnded(userId, by));
    }

    /// <summary>
    /// Runs for every request that carries the cookie, after the framework has checked the cookie's own expiry: one
    /// primary-key read. Not cached, so that an ended session is refused by the very next request on every instance.
    /// A cookie without a live session (ended, past its absolute lifetime, or from before sessions existed) is dropped.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessionId = principal?.FindFirstValue(Caller.SessionClaim);
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        if (sessionId is not null && userId is not null && await sessions.IsLiveAsync(sessionId, userId)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
