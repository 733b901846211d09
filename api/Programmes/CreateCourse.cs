using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/programmes/{id}/courses</c>: the office announces a course, naming the badge its completion grants (a
/// badge of the programme, made on first use of its name).
/// </summary>
public static class CreateCourse
{
    public sealed record Command : ICommand<Course>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string ProgrammeId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Skills { get; init; } = "";
        public DateOnly? StartsOn { get; init; }
        public DateOnly? EndsOn { get; init; }
        public int Capacity { get; init; }
        public string BadgeName { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotBlank("Title is required.").PlainText().MaximumLength(120);
            RuleFor(c => c.Skills).NotBlank("Name the skills taught.").PlainText().MaximumLength(300);
            RuleFor(c => c.StartsOn).NotNull().WithMessage("Starts on is required.");
            RuleFor(c => c.EndsOn).NotNull().WithMessage("Ends on is required.")
                .GreaterThanOrEqualTo(c => c.StartsOn).When(c => c.StartsOn is not null).WithMessage("A course ends on or after its start.");
            RuleFor(c => c.Capacity).InclusiveBetween(1, 1000);
            RuleFor(c => c.BadgeName).NotBlank("Name the badge the course grants.").PlainText().MaximumLength(100);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Course>
    {
        public async Task<Course> Handle(Command command, CancellationToken ct)
        {
            await ProgrammeOffice.RequireAsync(db, caller, command.ProgrammeId, "run a course");
            var now = clock.GetUtcNow();
            var badgeName = command.BadgeName.Trim();
            await db.ExecuteAsync(
                """
                INSERT INTO badges (id, programme_id, name, created_at)
                SELECT @Id, @ProgrammeId, @Name, @Now WHERE NOT EXISTS (SELECT 1 FROM badges b WHERE b.programme_id = @ProgrammeId AND b.name = @Name)
                """, new { Id = TimeOrderedId.New(), command.ProgrammeId, Name = badgeName, Now = now });
            var badgeId = await db.QuerySingleAsync<string>("SELECT b.id FROM badges b WHERE b.programme_id = @ProgrammeId AND b.name = @Name",
                new { command.ProgrammeId, Name = badgeName });
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO courses (id, programme_id, title, skills, starts_on, ends_on, capacity, badge_id, created_at)
                VALUES (@Id, @ProgrammeId, @Title, @Skills, @StartsOn, @EndsOn, @Capacity, @BadgeId, @Now)
                """, new { Id = id, command.ProgrammeId, Title = command.Title.Trim(), Skills = command.Skills.Trim(), StartsOn = command.StartsOn!.Value,
                           EndsOn = command.EndsOn!.Value, command.Capacity, BadgeId = badgeId, Now = now });
            return await db.QuerySingleAsync<Course>($"SELECT {Courses.Columns} FROM {Courses.From} WHERE c.id = @Id", new { Id = id });
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/programmes/{id}/courses", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/programmes/{id}/courses", await mediator.Send(command with { ProgrammeId = id })))
            .WithName("CreateCourse").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
}
