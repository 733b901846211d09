using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Platform;

/// <summary>
/// The <c>Idempotency-Key</c> of the current POST, when it has one (issue 25; the IETF httpapi draft
/// "The Idempotency-Key HTTP Header Field", with Stripe's semantics): set by <see cref="IdempotencyKeys"/>, claimed by
/// <see cref="TransactionBehavior{TRequest,TResponse}"/> as the first statement of the request's command, so that the key
/// is taken exactly when the work commits and not at all when it rolls back.
/// </summary>
public sealed class IdempotentRequest
{
    private string? _accountId;
    private string? _key;
    private string? _requestHash;
    private DateTimeOffset _now;

    /// <summary>Whether this request's command committed with the key: only then is its answer kept for the key.</summary>
    public bool Claimed { get; private set; }

    internal void Use(string accountId, string key, string requestHash, DateTimeOffset now) =>
        (_accountId, _key, _requestHash, _now) = (accountId, key, requestHash, now);

    /// <summary>
    /// Takes the key inside the command's transaction (once per request: a second command of the same request joins
    /// nothing to it). Two requests with one key at once both insert; the primary key lets one commit, and the other,
    /// run again by <see cref="DbSession"/> after its serialization failure or unique violation, finds the row and
    /// stops here with <see cref="IdempotencyKeyTakenException"/> before doing any of the work.
    /// </summary>
    internal async Task ClaimAsync(DbSession session)
    {
        if (_key is null || Claimed) return;
        var args = new { AccountId = _accountId, Key = _key, RequestHash = _requestHash, Now = _now, Since = _now - IdempotencyKeys.KeptFor };
        // The account's forgotten keys go first, so that a key may be used again after 24 hours and the table stays small.
        await session.ExecuteAsync("DELETE FROM idempotency_keys WHERE account_id = @AccountId AND created_at <= @Since", args);
        var claimed = await session.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, created_at)
            SELECT @AccountId, @Key, @RequestHash, @Now
            WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.account_id = @AccountId AND k.idempotency_key = @Key)
            """, args);
        if (claimed == 0) throw new IdempotencyKeyTakenException();
        session.AfterCommit(() => Claimed = true);
    }
}

/// <summary>Another request took the key between this one's first look and its claim; <see cref="IdempotencyKeys"/> answers it.</summary>
public sealed class IdempotencyKeyTakenException() : Exception("Another request took this Idempotency-Key.");

/// <summary>
/// Retrying a POST whose answer was lost: a POST under /api by a signed-in account with an <c>Idempotency-Key</c> header
/// is done once per key. The same key with the same request (method, path and body) within <see cref="KeptFor"/> is
/// answered the first answer again (status, content type, Location and body, marked <c>Idempotent-Replayed: true</c>)
/// without running anything; the same key with another request is a 422 <c>idempotencyKeyReused</c>; a key whose
/// first request has not answered yet is a 409 <c>idempotencyKeyInUse</c>. An answer that changed nothing (a refusal,
/// a validation error: its transaction rolled back) takes no key, so a retry after fixing the request runs again. A POST
/// with no command behind it changes nothing and is answered afresh each time. Keys are per account; a visitor's key
/// (signing up, signing in) is ignored, as there is no account to keep it for.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>How long a key is kept: Stripe's 24 hours, long enough for any client's retries.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    /// <summary>The draft's key is a structured-field string (quoted); Stripe's is bare. Both are taken, up to 255 characters.</summary>
    public const int MaxKeyLength = 255;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api") ||
            !http.Request.Headers.TryGetValue(Header, out var values) || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }
        var key = Key(values);
        var accountId = http.RequestServices.GetRequiredService<Caller>().Id;
        var requestHash = await RequestHashAsync(http.Request);
        var session = http.RequestServices.GetRequiredService<DbSession>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var args = new { AccountId = accountId, Key = key, Since = now - KeptFor };

        if (await FindAsync(session, args) is { } earlier)
        {
            await AnswerAgainAsync(http, earlier, requestHash);
            return;
        }

        var request = http.RequestServices.GetRequiredService<IdempotentRequest>();
        request.Use(accountId, key, requestHash, now);
        // The answer is held until it is kept, so that what the client reads is exactly what a retry will read.
        var body = http.Response.Body;
        using var answer = new MemoryStream();
        http.Response.Body = answer;
        try
        {
            await next(http);
        }
        catch (IdempotencyKeyTakenException)
        {
            http.Response.Body = body;
            http.Response.Clear();
            // The other request may have answered by now; if not, it is still at work.
            await AnswerAgainAsync(http, await FindAsync(session, args) ?? throw InUse(), requestHash);
            return;
        }
        finally
        {
            http.Response.Body = body;
        }
        if (request.Claimed)
            await session.ExecuteAsync(
                """
                UPDATE idempotency_keys
                SET response_status = @Status, response_type = @Type, response_location = @Location, response_body = @Body
                WHERE account_id = @AccountId AND idempotency_key = @Key AND response_status IS NULL
                """,
                new
                {
                    AccountId = accountId, Key = key, Status = http.Response.StatusCode, Type = http.Response.ContentType,
                    Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    Body = answer.ToArray(),
                });
        answer.Position = 0;
        await answer.CopyToAsync(body, http.RequestAborted);
    });

    private static string Key(Microsoft.Extensions.Primitives.StringValues values)
    {
        var key = values.Count == 1 ? values[0]!.Trim() : "";
        if (key is ['"', .., '"']) key = key[1..^1];
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < ' ' or > '~' or '"'))
            throw new BadHttpRequestException(
                $"The {Header} header must be one value of 1 to {MaxKeyLength} printable ASCII characters (a UUID is a good key).");
        return key;
    }

    /// <summary>SHA-256 of the method, the path with its query, and the body: what "the same request" means for a key.</summary>
    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private sealed class Earlier
    {
        public string RequestHash { get; init; } = "";
        public int? Status { get; init; }
        public string? ContentType { get; init; }
        public string? Location { get; init; }
        public byte[]? Body { get; init; }
    }

    private static Task<Earlier?> FindAsync(DbSession session, object args) => session.QuerySingleOrDefaultAsync<Earlier>(
        """
        SELECT k.request_hash AS RequestHash, k.response_status AS Status, k.response_type AS ContentType,
               k.response_location AS Location, k.response_body AS Body
        FROM idempotency_keys k
        WHERE k.account_id = @AccountId AND k.idempotency_key = @Key AND k.created_at > @Since
        """, args);

    private static async Task AnswerAgainAsync(HttpContext http, Earlier earlier, string requestHash)
    {
        if (earlier.RequestHash != requestHash)
            throw new ProblemException(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another request.",
                "This key was sent with another method, path or body within the last 24 hours. Use a new key for a new request.",
                "idempotencyKeyReused");
        if (earlier.Status is not { } status) throw InUse();
        http.Response.StatusCode = status;
        http.Response.Headers[ReplayedHeader] = "true";
        if (earlier.ContentType is { } type) http.Response.ContentType = type;
        if (earlier.Location is { } location) http.Response.Headers.Location = location;
        if (earlier.Body is { Length: > 0 } body) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static ConflictException InUse() => new(
        "The first request with this Idempotency-Key has not answered yet. Retry later with the same key.",
        ConflictCode.IdempotencyKeyInUse);
}
