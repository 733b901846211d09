using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Notifications;

/// <summary>
/// <c>POST /api/notifications/read</c> <c>{upTo}</c>: "mark all read" — the caller's notifications up to and including
/// <c>upTo</c> (the newest the reader was shown), so that one arriving while the page was open stays unread. Answers how
/// many are still unread. <c>upTo</c> must be one of the caller's own notifications (else 400, as for an unknown one).
/// </summary>
public static class MarkNotificationsRead
{
    public sealed record Command : ICommand<UnreadNotifications>
    {
        public string UpTo { get; init; } = "";
    }

    public sealed record UnreadNotifications(int UnreadCount);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UpTo).NotEmpty().PlainText().MaximumLength(64);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, UnreadNotifications>
    {
        public async Task<UnreadNotifications> Handle(Command command, CancellationToken ct)
        {
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notifications n WHERE n.id = @UpTo AND n.user_id = @Me",
                    new { command.UpTo, Me = caller.Id }) == 0)
                throw new ValidationException([new ValidationFailure("upTo", "This is not one of your notifications.") { ErrorCode = "unknownNotification" }]);
            // Ids sort by creation (TimeOrderedId): the ones up to upTo are the ones shown at or below it.
            await db.ExecuteAsync("UPDATE notifications SET read_at = @Now WHERE user_id = @Me AND read_at IS NULL AND id <= @UpTo",
                new { command.UpTo, Me = caller.Id, Now = clock.GetUtcNow() });
            return new UnreadNotifications(await db.ExecuteScalarAsync<int>(ListNotifications.UnreadSql, new { Me = caller.Id }));
        }
    }

    public static void Map(IEndpointRouteBuilder notifications) =>
        notifications.MapPost("/notifications/read", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("MarkNotificationsRead").ProducesValidationProblem();
}
