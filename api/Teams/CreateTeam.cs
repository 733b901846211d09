using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/teams</c>: a worker (or a producer) makes a team and is its director. Its members join by invitation
/// (<see cref="InviteMember"/>).
/// </summary>
public static class CreateTeam
{
    public const int MaxSkills = 20;

    public sealed record Command : ICommand<Team>
    {
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public string Region { get; init; } = "";
        public IReadOnlyList<string> Skills { get; init; } = [];
        /// <summary>The hours a week the director itself gives the team's work, for the board.</summary>
        public int WeeklyHours { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotBlank("Name is required.").PlainText().MaximumLength(100);
            RuleFor(c => c.Description).PlainMultilineText().MaximumLength(5_000);
            RuleFor(c => c.Region).PlainText().MaximumLength(100);
            RuleFor(c => c.Skills).Must(s => s.Count <= MaxSkills).WithMessage($"At most {MaxSkills} skills.");
            RuleForEach(c => c.Skills).NotBlank("A skill is not blank.").PlainText().MaximumLength(50)
                .Must(s => !s.Contains(',')).WithMessage("A skill has no comma.");
            RuleFor(c => c.WeeklyHours).InclusiveBetween(0, 168);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Team>
    {
        public async Task<Team> Handle(Command command, CancellationToken ct)
        {
            if (caller.Role is not (Role.Worker or Role.Producer)) throw new ForbiddenException("Only a worker or a producer may make a team.");
            await EmailConfirmation.RequireAsync(db, caller.Id, "make a team");
            var id = TimeOrderedId.New();
            var now = clock.GetUtcNow();
            await db.ExecuteAsync(
                """
                INSERT INTO teams (id, name, description, region, skills, director_id, created_at)
                VALUES (@Id, @Name, @Description, @Region, @Skills, @Me, @Now)
                """,
                new { Id = id, Name = command.Name.Trim(), Description = command.Description.Trim(), Region = command.Region.Trim(),
                      Skills = Teams.StoreSkills(command.Skills), Me = caller.Id, Now = now });
            await db.ExecuteAsync(
                "INSERT INTO team_members (team_id, user_id, role, weekly_hours, joined_at) VALUES (@Id, @Me, 'director', @Hours, @Now)",
                new { Id = id, Me = caller.Id, Hours = command.WeeklyHours, Now = now });
            return await Teams.ReadAsync(db, id, caller.Id) ?? throw new InvalidOperationException("The team just made was not found.");
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/teams", async (Command command, IMediator mediator) =>
            {
                var team = await mediator.Send(command);
                return TypedResults.Created($"/api/teams/{team.Id}", team);
            })
            .WithName("CreateTeam").ProducesValidationProblem().ProducesProblem(403);
}
