using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>GET /api/tasks/{id}/terms</c>: the printable written terms of a task, every version the reader may see — the
/// director and leaders all of them, a member those addressed to it, including one withdrawn when the task moved to
/// another member (who then no longer sees the task itself). Anyone else: 404.
/// </summary>
public static class GetTaskTerms
{
    public sealed record Query(string TaskId) : IRequest<IReadOnlyList<TaskNotice>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<TaskNotice>>
    {
        public async Task<IReadOnlyList<TaskNotice>> Handle(Query query, CancellationToken ct)
        {
            var teamId = await db.ExecuteScalarAsync<string?>("SELECT k.team_id FROM tasks k WHERE k.id = @Id", new { Id = query.TaskId });
            var role = teamId is null ? null : await Teams.RoleOfAsync(db, teamId, caller.Id);
            var runner = role is TeamRole.Director or TeamRole.Leader;
            var notices = await TaskTerms.ReadAsync(db, query.TaskId, runner ? null : caller.Id);
            return notices.Count == 0 ? throw new NotFoundException("No such task.") : notices;
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/tasks/{id}/terms", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetTaskTerms").ProducesProblem(404);
}
