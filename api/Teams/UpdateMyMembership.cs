using FluentValidation;
using MediatR;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Teams;

/// <summary><c>PUT /api/teams/{id}/members/me</c> {weeklyHours}: a member states the hours a week it gives the team (the board's load).</summary>
public static class UpdateMyMembership
{
    public sealed record Command : ICommand<ListMyTeams.MyTeam>
    {
        [JsonIgnore] public string TeamId { get; init; } = "";
        public int WeeklyHours { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.WeeklyHours).InclusiveBetween(0, 168);
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, ListMyTeams.MyTeam>
    {
        public async Task<ListMyTeams.MyTeam> Handle(Command command, CancellationToken ct)
        {
            var updated = await db.ExecuteAsync(
                "UPDATE team_members SET weekly_hours = @Hours WHERE team_id = @TeamId AND user_id = @Me AND removed_at IS NULL",
                new { command.TeamId, Hours = command.WeeklyHours, Me = caller.Id });
            if (updated == 0) throw new NotFoundException("No such team.");
            return await db.QuerySingleAsync<ListMyTeams.MyTeam>(
                """
                SELECT t.id, t.name, m.role, m.weekly_hours, m.joined_at
                FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.team_id = @TeamId AND m.user_id = @Me
                """, new { command.TeamId, Me = caller.Id });
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPut("/teams/{id}/members/me", async (string id, Command command, IMediator mediator) =>
                TypedResults.Ok(await mediator.Send(command with { TeamId = id })))
            .WithName("UpdateMyTeamMembership").ProducesValidationProblem().ProducesProblem(404);
}
