using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/me/unavailability</c> {from, to, reason}: a person marks the days it cannot work (Japanese calendar days,
/// both included). Its teams' boards show it away and its tasks due after the first day at risk; the reason ("子どもの発熱")
/// stays the person's own.
/// </summary>
public static class MarkUnavailable
{
    public sealed record Command : ICommand<Unavailability>
    {
        public DateOnly From { get; init; }
        public DateOnly To { get; init; }
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).WithMessage("The last day is not before the first.");
            RuleFor(c => c.To).Must((c, to) => to.DayNumber - c.From.DayNumber < 366).WithMessage("At most a year at a time.");
            RuleFor(c => c.Reason).PlainText().MaximumLength(200);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unavailability>
    {
        public async Task<Unavailability> Handle(Command command, CancellationToken ct)
        {
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO unavailability (id, user_id, from_on, to_on, starts_at, ends_at, reason, created_at)
                VALUES (@Id, @Me, @From, @To, @StartsAt, @EndsAt, @Reason, @Now)
                """,
                new { Id = id, Me = caller.Id, command.From, command.To, StartsAt = Unavailability.StartOf(command.From),
                      EndsAt = Unavailability.StartOf(command.To.AddDays(1)), Reason = command.Reason.Trim(), Now = clock.GetUtcNow() });
            return await db.QuerySingleAsync<Unavailability>(Unavailability.ByIdSql, new { Id = id });
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/me/unavailability", async (Command command, IMediator mediator) =>
                TypedResults.Created("/api/me/unavailability", await mediator.Send(command)))
            .WithName("MarkUnavailable").ProducesValidationProblem();
}

/// <summary>Days a person marked it cannot work, as that person sees them (with its own reason).</summary>
public sealed record Unavailability
{
    public required string Id { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    private const string Columns = "u.id, u.from_on AS \"from\", u.to_on AS \"to\", u.reason, u.created_at FROM unavailability u";

    internal const string ByIdSql = "SELECT " + Columns + " WHERE u.id = @Id";

    /// <summary>A person's marked days not yet over, the soonest ending first, on ix_unavailability_user.</summary>
    internal const string MineSql = "SELECT " + Columns + " WHERE u.user_id = @Me AND u.ends_at > @Now ORDER BY u.ends_at, u.id";

    /// <summary>0:00 of a Japanese calendar day, the instant the board compares.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), JapanTime.Offset);
}
