using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>A notice of a programme's office to its members.</summary>
public sealed record Notice
{
    public required string Id { get; init; }
    public required string ProgrammeId { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required string PostedByName { get; init; }
    public required DateTimeOffset PostedAt { get; init; }
}

/// <summary>
/// <c>POST /api/programmes/{id}/notices</c>: the office writes to its registered members. Each member is told in the app
/// and by mail as its mail settings say (Notify: kind programmeNotice), in the same transaction as the notice.
/// </summary>
public static class PostNotice
{
    public sealed record Command : ICommand<Notice>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string ProgrammeId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotBlank("Title is required.").PlainText().MaximumLength(120);
            RuleFor(c => c.Body).NotBlank("Body is required.").PlainMultilineText().MaximumLength(5_000);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Notice>
    {
        public async Task<Notice> Handle(Command command, CancellationToken ct)
        {
            await ProgrammeOffice.RequireAsync(db, caller, command.ProgrammeId, "post a notice");
            var id = TimeOrderedId.New();
            var now = clock.GetUtcNow();
            await db.ExecuteAsync(
                """
                INSERT INTO programme_notices (id, programme_id, title, body, posted_by, posted_at)
                VALUES (@Id, @ProgrammeId, @Title, @Body, @Me, @Now)
                """, new { Id = id, command.ProgrammeId, Title = command.Title.Trim(), Body = command.Body.Trim(), Me = caller.Id, Now = now });
            foreach (var member in await db.QueryAsync<string>(
                         "SELECT m.worker_id FROM programme_members m WHERE m.programme_id = @ProgrammeId AND m.status = 'approved'", new { command.ProgrammeId }))
                await Notify.ToAsync(db, member, NotificationKind.ProgrammeNotice, command.Title.Trim(), NoticeNotifications.EventKey(id), now);
            return await ListNotices.OneAsync(db, id);
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/programmes/{id}/notices", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/programmes/{id}/notices", await mediator.Send(command with { ProgrammeId = id })))
            .WithName("PostNotice").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
}
