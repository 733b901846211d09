using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Conversations;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary><c>POST /api/teams/{id}/messages/read</c> {upTo}: the caller has read the team's thread up to this message.</summary>
public static class MarkTeamMessagesRead
{
    public sealed record Command : ICommand<MarkMessagesRead.UnreadCount>
    {
        [JsonIgnore] public string TeamId { get; init; } = "";
        public string UpTo { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UpTo).NotEmpty().PlainText().MaximumLength(64);
    }

    /// <summary>The caller's notifications of the team's messages it has now read (as a contract's thread does, by the key's order).</summary>
    internal const string ReadNotificationsSql = """
        UPDATE notifications SET read_at = @Now
        WHERE user_id = @Me AND kind = 'teamMessageReceived' AND read_at IS NULL AND team_id = @TeamId
          AND event_key <= @UpToKey
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, MarkMessagesRead.UnreadCount>
    {
        public async Task<MarkMessagesRead.UnreadCount> Handle(Command command, CancellationToken ct)
        {
            await TeamThread.RequireMemberAsync(db, command.TeamId, caller.Id);
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM team_messages m WHERE m.id = @UpTo AND m.team_id = @TeamId",
                    new { command.UpTo, command.TeamId }) == 0)
                throw new ValidationException([new ValidationFailure("upTo", "This is not a message of the team's thread.") { ErrorCode = "unknownMessage" }]);
            await TeamThread.MoveReadPositionAsync(db, command.TeamId, caller.Id, command.UpTo);
            await db.ExecuteAsync(ReadNotificationsSql, new { Me = caller.Id, command.TeamId, UpToKey = $"team-message:{command.UpTo}", Now = clock.GetUtcNow() });
            return new MarkMessagesRead.UnreadCount(await db.ExecuteScalarAsync<int>(TeamThread.UnreadSql, new { Id = command.TeamId, Me = caller.Id }));
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/teams/{id}/messages/read", (string id, Command command, IMediator mediator) =>
                mediator.Send(command with { TeamId = id }))
            .WithName("MarkTeamMessagesRead").ProducesValidationProblem().ProducesProblem(404);
}
