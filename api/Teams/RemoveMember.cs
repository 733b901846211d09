using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>DELETE /api/teams/{id}/members/{userId}</c>: the director removes a leader or a member — once its open tasks
/// (assigned, submitted or returned, on contracts still open) are reassigned; the same UPDATE decides it, so a task given
/// to the member a moment ago is seen. The member's past tasks keep naming it.
/// </summary>
public static class RemoveMember
{
    public sealed record Command(string TeamId, string UserId) : ICommand<Team>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Team>
    {
        public async Task<Team> Handle(Command command, CancellationToken ct)
        {
            await Teams.RequireDirectorAsync(db, command.TeamId, caller.Id, "remove members");
            var role = await Teams.RoleOfAsync(db, command.TeamId, command.UserId) ?? throw new NotFoundException("No such member.");
            if (role == TeamRole.Director) throw new ForbiddenException("The director hands the team over before leaving it.");
            var removed = await db.ExecuteAsync(
                """
                UPDATE team_members SET removed_at = @Now
                WHERE team_id = @TeamId AND user_id = @UserId AND removed_at IS NULL AND role <> 'director'
                  AND NOT EXISTS (SELECT 1 FROM tasks k JOIN contracts c ON c.id = k.contract_id
                                  WHERE k.team_id = @TeamId AND k.assignee_id = @UserId AND k.status <> 'approved'
                                    AND c.status NOT IN ('completed', 'cancelled'))
                """, new { command.TeamId, command.UserId, Now = clock.GetUtcNow() });
            if (removed == 0) throw new ConflictException("The member has open tasks: reassign them first.", ConflictCode.MemberHasOpenTasks);
            return (await Teams.ReadAsync(db, command.TeamId, caller.Id))!;
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapDelete("/teams/{id}/members/{userId}", async (string id, string userId, IMediator mediator) =>
                TypedResults.Ok(await mediator.Send(new Command(id, userId))))
            .WithName("RemoveTeamMember").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
