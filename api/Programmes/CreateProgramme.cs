using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary><c>POST /api/admin/programmes</c>: an administrator sets up a town's programme.</summary>
public static class CreateProgramme
{
    public sealed record Command : ICommand<Programme>
    {
        public string Name { get; init; } = "";
        public string Prefecture { get; init; } = "";
        /// <summary>The municipalities it serves, as workers write their region (立科町).</summary>
        public IReadOnlyList<string> Municipalities { get; init; } = [];
    }

    public const int NameMax = 100;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotBlank("Name is required.").PlainText().MaximumLength(NameMax);
            RuleFor(c => c.Prefecture).NotBlank("Prefecture is required.").PlainText().MaximumLength(10);
            RuleFor(c => c.Municipalities).Must(m => m.Count is >= 1 and <= 50).WithMessage("Name between 1 and 50 municipalities.");
            RuleForEach(c => c.Municipalities).NotBlank("A municipality needs a name.").PlainText().MaximumLength(50);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Programme>
    {
        public async Task<Programme> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "set up a programme");
            var id = TimeOrderedId.New();
            var now = clock.GetUtcNow();
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO programmes (id, name, prefecture, created_at)
                SELECT @Id, @Name, @Prefecture, @Now WHERE NOT EXISTS (SELECT 1 FROM programmes p WHERE p.name = @Name)
                """, new { Id = id, Name = command.Name.Trim(), Prefecture = command.Prefecture.Trim(), Now = now });
            if (inserted == 0) throw new ConflictException("A programme of this name exists already.", ConflictCode.Duplicate);
            foreach (var municipality in command.Municipalities.Select(m => m.Trim()).Distinct(StringComparer.Ordinal))
                await db.ExecuteAsync("INSERT INTO programme_municipalities (programme_id, name) VALUES (@Id, @Name)", new { Id = id, Name = municipality });
            await Audit.RecordAsync(db, caller, AuditAction.CreateProgramme, id, new { name = command.Name.Trim() }, now);
            return await mediator.Send(new GetProgramme.Query(id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/admin/programmes", async (Command command, IMediator mediator) =>
            {
                var programme = await mediator.Send(command);
                return TypedResults.Created($"/api/programmes/{programme.Id}", programme);
            })
            .WithName("CreateProgramme").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
}
