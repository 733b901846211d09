using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>GET /api/teams/{id}/board</c>: the director's board, for the director and leaders. Each member's weekly hours
/// against the hours of its open tasks (assigned or returned: work still to do), who is away (marked days overlapping
/// today and the next seven), and the tasks at risk: open ones whose member is away before the due date, or due within
/// 24 hours with nothing delivered. All of it in SQL with the times as parameters.
/// </summary>
public static class GetBoard
{
    /// <summary>How far ahead "away" looks: today and the next seven days.</summary>
    public const int AwayWindowDays = 7;

    /// <summary>A task due this soon with nothing delivered is at risk.</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(24);

    public sealed record Query(string TeamId) : IRequest<Board>;

    public sealed record Board
    {
        public required string TeamId { get; init; }
        public required DateOnly Today { get; init; }
        public required IReadOnlyList<BoardMember> Members { get; init; }
        public required IReadOnlyList<TaskAtRisk> TasksAtRisk { get; init; }
    }

    public sealed record BoardMember
    {
        public required string UserId { get; init; }
        public required string DisplayName { get; init; }
        public required TeamRole Role { get; init; }
        public required int WeeklyHours { get; init; }
        public required int OpenTaskHours { get; init; }
        public required int OpenTasks { get; init; }
        /// <summary>The first marked absence overlapping today and the next seven days; null when the member is not away.</summary>
        public DateOnly? AwayFrom { get; init; }
        public DateOnly? AwayTo { get; init; }
    }

    public enum RiskReason { AssigneeAway, DueSoon }

    public sealed record TaskAtRisk
    {
        public required string TaskId { get; init; }
        public required string ContractId { get; init; }
        public required string Title { get; init; }
        public required string AssigneeId { get; init; }
        public required string AssigneeName { get; init; }
        public required DateTimeOffset DueAt { get; init; }
        public required TeamTaskStatus Status { get; init; }
        public required RiskReason Reason { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, Board>
    {
        public async Task<Board> Handle(Query query, CancellationToken ct)
        {
            await Teams.RequireRunnerAsync(db, query.TeamId, caller.Id, "see the team's board");
            var now = clock.GetUtcNow();
            var today = JapanTime.DayOf(now);
            var window = new { TeamId = query.TeamId, Now = now, TodayStart = Unavailability.StartOf(today),
                               WindowEnd = Unavailability.StartOf(today.AddDays(AwayWindowDays + 1)), Soon = now + DueSoon };
            var members = await db.QueryAsync<BoardMember>(
                """
                SELECT m.user_id, u.display_name, m.role, m.weekly_hours,
                       (SELECT COALESCE(SUM(k.hours), 0) FROM tasks k WHERE k.team_id = m.team_id AND k.assignee_id = m.user_id
                          AND k.status IN ('assigned', 'returned')) AS open_task_hours,
                       (SELECT COUNT(*) FROM tasks k WHERE k.team_id = m.team_id AND k.assignee_id = m.user_id
                          AND k.status IN ('assigned', 'returned')) AS open_tasks,
                       (SELECT MIN(a.from_on) FROM unavailability a WHERE a.user_id = m.user_id
                          AND a.starts_at < @WindowEnd AND a.ends_at > @TodayStart) AS away_from,
                       (SELECT MAX(a.to_on) FROM unavailability a WHERE a.user_id = m.user_id
                          AND a.starts_at < @WindowEnd AND a.ends_at > @TodayStart) AS away_to
                FROM team_members m JOIN users u ON u.id = m.user_id
                WHERE m.team_id = @TeamId AND m.removed_at IS NULL
                """, window);
            // Only the team's own open tasks of contracts still open. Away "before the due date": a marked absence that has
            // not ended by now and starts before the task is due.
            var atRisk = await db.QueryAsync<TaskAtRisk>(
                """
                SELECT k.id AS task_id, k.contract_id, k.title, k.assignee_id, u.display_name AS assignee_name, k.due_at, k.status,
                       CASE WHEN EXISTS (SELECT 1 FROM unavailability a WHERE a.user_id = k.assignee_id AND a.starts_at < k.due_at AND a.ends_at > @Now)
                            THEN 'assigneeAway' ELSE 'dueSoon' END AS reason
                FROM tasks k JOIN users u ON u.id = k.assignee_id JOIN contracts c ON c.id = k.contract_id
                WHERE k.team_id = @TeamId AND k.status IN ('assigned', 'returned') AND c.status NOT IN ('completed', 'cancelled')
                  AND (k.due_at <= @Soon
                       OR EXISTS (SELECT 1 FROM unavailability a WHERE a.user_id = k.assignee_id AND a.starts_at < k.due_at AND a.ends_at > @Now))
                """, window);
            // A team's board is small: ordered here.
            return new Board
            {
                TeamId = query.TeamId, Today = today,
                Members = members.OrderBy(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.UserId, StringComparer.Ordinal).ToList(),
                TasksAtRisk = atRisk.OrderBy(t => t.DueAt).ThenBy(t => t.TaskId, StringComparer.Ordinal).ToList(),
            };
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/teams/{id}/board", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetTeamBoard").ProducesProblem(403).ProducesProblem(404);
}
