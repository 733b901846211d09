using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>
/// The business chose no winner within 14 days after the deadline of a contest that had its minimum of entries: the
/// prize is not refunded, and the administrators are told, once, to choose the winner by the business's ratings
/// (<see cref="DecideWinner"/>). Sent for each due contest by <see cref="ContestClock"/>.
/// </summary>
public static class AskAdministrators
{
    /// <summary>The answer says whether this command told the administrators.</summary>
    public sealed record Command(string ContestId) : ICommand<bool>;

    internal const string DueSql = """
        SELECT c.job_id FROM contests c
        WHERE c.status = 'open' AND c.choose_by <= @Now AND c.administrators_told_at IS NULL
          AND (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id) >= c.minimum_entries
        ORDER BY c.choose_by
        """;

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var marked = await db.ExecuteAsync(
                """
                UPDATE contests SET administrators_told_at = @Now
                WHERE job_id = @Id AND status = 'open' AND choose_by <= @Now AND administrators_told_at IS NULL
                """, new { Id = command.ContestId, Now = now });
            if (marked == 0) return false;
            var title = await db.ExecuteScalarAsync<string>("SELECT j.title FROM jobs j WHERE j.id = @Id", new { Id = command.ContestId });
            foreach (var administrator in await db.QueryAsync<string>("SELECT u.id FROM users u WHERE u.role = 'administrator'"))
                await Notify.ToAsync(db, administrator, NotificationKind.ContestAwaitsAdministrator,
                    $"The business chose no winner for \"{title}\" in {ContestRules.ChooseDays} days: choose one by its ratings.",
                    $"contest-administrator:{command.ContestId}", now, command.ContestId);
            return true;
        }
    }
}
