using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts;

/// <summary>
/// Password guessing is throttled where it happens, per account (OWASP ASVS 5.0 V6.3.1; NIST SP 800-63B 5.2.2):
/// after <see cref="AuthOptions.FailedSignInsBeforeLock"/> failures in a row an email is locked for
/// <see cref="AuthOptions.LockMinutes"/>, and each failure after a lock doubles it up to
/// <see cref="AuthOptions.MaxLockMinutes"/>. People who share one address (a telework centre, a proxy) do not share
/// a limit. Rows are kept per email as typed, whether or not an account has it, so a lock reads the same either way
/// and does not tell which emails have accounts. Kept in the database, so every instance of the API sees one count.
/// </summary>
public sealed class SignInThrottle(DbSession db, TimeProvider clock, IOptions<AuthOptions> options)
{
    /// <summary>A failure a day old no longer counts: the next one starts again from one.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    public const string Detail = "Wait before trying to sign in again.";

    /// <summary>Refuses (429 with Retry-After) while the email is locked, before any password is hashed.</summary>
    public async Task EnsureNotLockedAsync(string email)
    {
        var row = await db.QuerySingleOrDefaultAsync<Failures>(
            "SELECT locked_until FROM sign_in_failures WHERE email = @Email", new { Email = email });
        var now = clock.GetUtcNow();
        if (row?.LockedUntil > now) throw new TooManyRequestsException(row.LockedUntil.Value - now, Detail);
    }

    public async Task RecordFailureAsync(string email)
    {
        var now = clock.GetUtcNow();
        await db.ExecuteAsync("DELETE FROM sign_in_failures WHERE last_failed_at < @Forget", new { Forget = now - Memory });
        const string Count = "UPDATE sign_in_failures SET failures = failures + 1, last_failed_at = @Now WHERE email = @Email";
        if (await db.ExecuteAsync(Count, new { Email = email, Now = now }) == 0)
        {
            try
            {
                await db.ExecuteAsync("INSERT INTO sign_in_failures (email, failures, last_failed_at) VALUES (@Email, 1, @Now)",
                    new { Email = email, Now = now });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                await db.ExecuteAsync(Count, new { Email = email, Now = now }); // a parallel failure inserted it first
            }
        }

        var o = options.Value;
        var failures = await db.QuerySingleAsync<long>("SELECT failures FROM sign_in_failures WHERE email = @Email", new { Email = email });
        if (failures < o.FailedSignInsBeforeLock) return;
        var doublings = (int)Math.Min(failures - o.FailedSignInsBeforeLock, 16);
        var minutes = Math.Min(o.LockMinutes * Math.Pow(2, doublings), o.MaxLockMinutes);
        await db.ExecuteAsync("UPDATE sign_in_failures SET locked_until = @Until WHERE email = @Email",
            new { Email = email, Until = now.AddMinutes(minutes) });
    }

    /// <summary>A row, not a bare nullable time: Dapper hands a NULL scalar to the time handler, which refuses it.</summary>
    private sealed class Failures
    {
        public DateTimeOffset? LockedUntil { get; init; }
    }

    /// <summary>A success (or a changed password) starts the count again.</summary>
    public Task ClearAsync(string email) => db.ExecuteAsync("DELETE FROM sign_in_failures WHERE email = @Email", new { Email = email });
}
