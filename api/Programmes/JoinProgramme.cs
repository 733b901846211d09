using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/programmes/{id}/join</c> {municipality}: a worker asks to join a programme, naming one of its
/// municipalities; the office approves after checking the person. One live membership per programme (a unique index):
/// a worker who withdrew joins again with a new row, and the history stays.
/// </summary>
public static class JoinProgramme
{
    public sealed record Command : ICommand<Member>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string ProgrammeId { get; init; } = "";
        public string Municipality { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Municipality).NotBlank("Municipality is required.").PlainText().MaximumLength(50);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Member>
    {
        public async Task<Member> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "join a programme");
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM programmes p WHERE p.id = @Id", new { Id = command.ProgrammeId }) == 0)
                throw new NotFoundException("No such programme.");
            var id = TimeOrderedId.New();
            // The municipality must be one the programme serves; the live row's unique index refuses a second joining.
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO programme_members (id, programme_id, worker_id, municipality, status, requested_at)
                SELECT @Id, m.programme_id, @Me, m.name, 'pending', @Now FROM programme_municipalities m
                WHERE m.programme_id = @ProgrammeId AND m.name = @Municipality
                  AND NOT EXISTS (SELECT 1 FROM programme_members x WHERE x.programme_id = @ProgrammeId AND x.worker_id = @Me
                                  AND x.status IN ('pending', 'approved'))
                """, new { Id = id, command.ProgrammeId, Me = caller.Id, Municipality = command.Municipality.Trim(), Now = clock.GetUtcNow() });
            if (inserted == 0)
            {
                var serves = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM programme_municipalities m WHERE m.programme_id = @ProgrammeId AND m.name = @Municipality",
                    new { command.ProgrammeId, Municipality = command.Municipality.Trim() });
                if (serves == 0)
                    throw new ValidationException([new FluentValidation.Results.ValidationFailure("municipality", "The programme does not serve this municipality.") { ErrorCode = "notServed" }]);
                throw new ConflictException("You are a member of this programme already, or asked to join it.", ConflictCode.AlreadyMember);
            }
            return await ListMembers.OneAsync(db, id);
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/programmes/{id}/join", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/programmes/{id}", await mediator.Send(command with { ProgrammeId = id })))
            .WithName("JoinProgramme").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
