using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/teams/{id}/director</c> {userId}: the director hands the team to one of its leaders and becomes a leader.
/// Contracts already made keep the director who signed them; the new director represents the team from now on.
/// </summary>
public static class HandOverDirectorship
{
    public sealed record Command : ICommand<Team>
    {
        [JsonIgnore] public string TeamId { get; init; } = "";
        public string UserId { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UserId).NotEmpty().PlainText().MaximumLength(64);
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, Team>
    {
        public async Task<Team> Handle(Command command, CancellationToken ct)
        {
            await Teams.RequireDirectorAsync(db, command.TeamId, caller.Id, "hand the team over");
            if (await Teams.RoleOfAsync(db, command.TeamId, command.UserId) != TeamRole.Leader)
                throw new ValidationException([new ValidationFailure("userId", "The directorship goes to one of the team's leaders.")]);
            // The team's row names the director; the conditional UPDATE on it decides a race of two hand-overs.
            var moved = await db.ExecuteAsync("UPDATE teams SET director_id = @New WHERE id = @TeamId AND director_id = @Me",
                new { command.TeamId, New = command.UserId, Me = caller.Id });
            if (moved == 0) throw new ForbiddenException("Only the team's director may hand the team over.");
            await db.ExecuteAsync("UPDATE team_members SET role = 'leader' WHERE team_id = @TeamId AND user_id = @Me", new { command.TeamId, Me = caller.Id });
            await db.ExecuteAsync("UPDATE team_members SET role = 'director' WHERE team_id = @TeamId AND user_id = @New", new { command.TeamId, New = command.UserId });
            return (await Teams.ReadAsync(db, command.TeamId, caller.Id))!;
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/teams/{id}/director", async (string id, Command command, IMediator mediator) =>
                TypedResults.Ok(await mediator.Send(command with { TeamId = id })))
            .WithName("HandOverTeamDirectorship").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
}
