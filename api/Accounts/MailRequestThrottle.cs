using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>
/// Requests that make the site send mail (a reset link, a confirmation link) are counted per key in a fixed window,
/// in the database as sign-in failures are (<see cref="SignInThrottle"/>), so every instance of the API counts the same
/// requests, and a restart forgets nothing. A request over the limit is refused with 429 and Retry-After; counted per
/// address typed whether or not an account has it, the refusal reads the same either way.
/// </summary>
public sealed class MailRequestThrottle(DbSession db, TimeProvider clock)
{
    public const string Detail = "Too many mails were asked for: wait before asking again.";

    /// <summary>
    /// Counts one request under <paramref name="key"/>, or refuses it when the window already holds
    /// <paramref name="limit"/>. The count is one conditional UPDATE, so two requests racing for the last place in a
    /// window cannot both take it. Runs inside the command's transaction: a refused request counts nothing.
    /// </summary>
    public async Task CountAsync(string key, int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        // A window that ended is forgotten (every ended one, so the table holds only live windows).
        await db.ExecuteAsync("DELETE FROM request_counts WHERE window_ends_at <= @Now", new { Now = now });
        await db.ExecuteAsync(
            """
            INSERT INTO request_counts (throttle_key, requests, window_ends_at)
            SELECT @Key, 0, @Ends WHERE NOT EXISTS (SELECT 1 FROM request_counts WHERE throttle_key = @Key)
            """, new { Key = key, Ends = now + window });
        if (await db.ExecuteAsync("UPDATE request_counts SET requests = requests + 1 WHERE throttle_key = @Key AND requests < @Limit",
                new { Key = key, Limit = limit }) == 1)
            return;
        var ends = await db.QuerySingleAsync<Window>("SELECT window_ends_at FROM request_counts WHERE throttle_key = @Key", new { Key = key });
        throw new TooManyRequestsException(ends.WindowEndsAt - now, Detail);
    }

    private sealed class Window
    {
        public DateTimeOffset WindowEndsAt { get; init; }
    }
}
