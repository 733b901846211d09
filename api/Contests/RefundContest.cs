using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>
/// A contest whose deadline passed with fewer entries than its minimum is refunded: the prize goes back to the
/// business, exactly once (<see cref="ContestPrize.RefundAsync"/>). Sent for each due contest by <see cref="ContestClock"/>.
/// </summary>
public static class RefundContest
{
    /// <summary>The answer says whether this command refunded the contest.</summary>
    public sealed record Command(string ContestId) : ICommand<bool>;

    /// <summary>Open contests past their deadline with fewer entries than their minimum, on ix_contests_status.</summary>
    internal const string DueSql = """
        SELECT c.job_id FROM contests c
        WHERE c.status = 'open' AND c.entries_close_at <= @Now
          AND (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id) < c.minimum_entries
        ORDER BY c.entries_close_at
        """;

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public Task<bool> Handle(Command command, CancellationToken ct) => ContestPrize.RefundAsync(db, command.ContestId, clock.GetUtcNow());
    }
}
