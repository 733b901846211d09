using System.Collections.Concurrent;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Tokens;

/// <summary>
/// The API tokens this node validated lately, by the hash of their secret, so that an integration's requests do not each
/// read the database: reading a token and its person cost more than half of the cheapest request (issue 22:
/// docs/measurements.md, "What a request costs"). A validation is kept for <see cref="Lifetime"/>. Within it a
/// revocation, a password change, "sign out everywhere" or a suspension made on another node (several API nodes share one
/// database) takes effect when this node's copy runs out; on the node that made it, at once (<see cref="ForgetToken"/>,
/// <see cref="ForgetPerson"/>, called once the change has committed). A token past its expiry is refused at once anywhere.
/// Only tokens that were valid are kept: an unknown secret reads the database each time, as before, and costs no memory.
/// </summary>
public sealed class ValidatedTokens(TimeProvider clock)
{
    /// <summary>How long another node may still accept a token after its revocation (docs/security.md says 30 seconds).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>A token found valid, with its person, and when this node last wrote its lastUsedAt (in ticks, see <see cref="ClaimLastUse"/>).</summary>
    public sealed class Entry(string tokenId, Account account, DateTimeOffset? expiresAt, DateTimeOffset validatedAt, DateTimeOffset? lastUsedAt, string scopes)
    {
        /// <summary>The token's scopes, space-separated, or <see cref="TokenScopes.All"/> for a token made before scopes.</summary>
        public string Scopes { get; } = scopes;
        public string TokenId { get; } = tokenId;
        public Account Account { get; } = account;
        public DateTimeOffset? ExpiresAt { get; } = expiresAt;
        public DateTimeOffset ValidatedAt { get; } = validatedAt;
        internal long LastUsedTicks = lastUsedAt?.UtcTicks ?? 0;
    }

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Moves on with every forgetting, so that a validation that read the database before it is not kept after it.</summary>
    private long _generation;

    private long _sweptTicks;

    /// <summary>A token validated less than <see cref="Lifetime"/> ago and not past its own expiry.</summary>
    public Entry? Find(string hash)
    {
        if (!_byHash.TryGetValue(hash, out var entry)) return null;
        var now = clock.GetUtcNow();
        if (now - entry.ValidatedAt < Lifetime && (entry.ExpiresAt is null || entry.ExpiresAt > now)) return entry;
        _byHash.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
        return null;
    }

    /// <summary>Taken before the database is read; <see cref="Keep"/> keeps what was read only if nothing was forgotten since.</summary>
    public long Generation => Volatile.Read(ref _generation);

    public void Keep(string hash, Entry entry, long generation)
    {
        lock (_gate)
        {
            // A revocation that committed while this validation read the old row: the row read is stale, keep nothing.
            if (generation != _generation) return;
            _byHash[hash] = entry;
        }
        SweepNowAndThen(entry.ValidatedAt);
    }

    public void ForgetToken(string tokenId) => Forget(e => e.TokenId == tokenId);

    public void ForgetPerson(string userId) => Forget(e => e.Account.Id == userId);

    /// <summary>
    /// Whether this request is the one to write the token's lastUsedAt: at most once per <paramref name="granularity"/> per
    /// token on this node, decided atomically so that a burst of concurrent requests writes once.
    /// </summary>
    public static bool ClaimLastUse(Entry entry, DateTimeOffset now, TimeSpan granularity)
    {
        var last = Interlocked.Read(ref entry.LastUsedTicks);
        return now.UtcTicks - last >= granularity.Ticks && Interlocked.CompareExchange(ref entry.LastUsedTicks, now.UtcTicks, last) == last;
    }

    private void Forget(Func<Entry, bool> which)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var (hash, entry) in _byHash)
                if (which(entry)) _byHash.TryRemove(hash, out _);
        }
    }

    /// <summary>Drops copies that ran out, at most once per lifetime, so that tokens no longer used leave memory.</summary>
    private void SweepNowAndThen(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _sweptTicks);
        if (now.UtcTicks - last < Lifetime.Ticks || Interlocked.CompareExchange(ref _sweptTicks, now.UtcTicks, last) != last) return;
        foreach (var (hash, entry) in _byHash)
            if (now - entry.ValidatedAt >= Lifetime) _byHash.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
    }
}
