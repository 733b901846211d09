using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Conversations;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/teams/{id}/messages</c> {body, fileIds?}: a member of the team writes to the team's own thread, with up to
/// 10 files, which the team's members read (file_audience, 0043). Each other member is told (<c>teamMessageReceived</c>).
/// No event is recorded: the event feed is read by a contract's or a job's parties, and a team's talk is no one's but the team's.
/// </summary>
public static class PostTeamMessage
{
    public sealed record Command : ICommand<Message>
    {
        [JsonIgnore] public string TeamId { get; init; } = "";
        public string Body { get; init; } = "";
        public IReadOnlyList<string>? FileIds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // A message is words, files, or both, as in a contract's thread.
            RuleFor(c => c.Body).PlainMultilineText().MaximumLength(PostMessage.BodyMax)
                .Must((c, body) => !string.IsNullOrWhiteSpace(body) || c.FileIds is { Count: > 0 })
                .WithMessage("Write a message or attach a file.").WithErrorCode("required");
            this.FileIdsRule(c => c.FileIds);
        }
    }

    /// <summary>
    /// The reader's unread notice of this thread, on ux_notifications_unread_team_thread (migration 0050). Two posts at once by two
    /// writers both find none: the command's serializable transaction runs the loser again, and the index lets only one
    /// unread notice stand whatever the isolation (ConversationTests and TeamThreadTests race them).
    /// </summary>
    internal const string UnreadNoticeSql = """
        SELECT COUNT(*) FROM notifications n
        WHERE n.user_id = @Other AND n.kind = 'teamMessageReceived' AND n.read_at IS NULL AND n.team_id = @TeamId
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Message>
    {
        public async Task<Message> Handle(Command command, CancellationToken ct)
        {
            await TeamThread.RequireMemberAsync(db, command.TeamId, caller.Id);
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            var body = command.Body.Trim();
            await db.ExecuteAsync(
                "INSERT INTO team_messages (id, team_id, sender_id, body, created_at) VALUES (@Id, @TeamId, @Me, @Body, @Now)",
                new { Id = id, command.TeamId, Me = caller.Id, Body = body, Now = now });
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.TeamMessage, id);
            // The sender has read its own thread up to here.
            await TeamThread.MoveReadPositionAsync(db, command.TeamId, caller.Id, id);
            var team = await db.ExecuteScalarAsync<string>("SELECT t.name FROM teams t WHERE t.id = @TeamId", new { command.TeamId });
            var others = await db.QueryAsync<string>(
                "SELECT m.user_id FROM team_members m WHERE m.team_id = @TeamId AND m.removed_at IS NULL AND m.user_id <> @Me",
                new { command.TeamId, Me = caller.Id });
            // One notice (and one mail) for a run of messages, as a contract's thread (Conversations/PostMessage).
            foreach (var other in others)
                if (await db.ExecuteScalarAsync<long>(UnreadNoticeSql, new { command.TeamId, Other = other }) == 0)
                    await Notify.ToAsync(db, other, NotificationKind.TeamMessageReceived, $"A new message in the team \"{team}\".",
                        $"team-message:{id}", now, partyId: caller.Id, teamId: command.TeamId);
            var files = await Attachments.OfAsync(db, AttachTo.TeamMessage, [id]);
            var name = await db.ExecuteScalarAsync<string>("SELECT display_name FROM users WHERE id = @Me", new { Me = caller.Id });
            return new Message { Id = id, SenderId = caller.Id, SenderName = name!, Body = body, Files = files[id].ToList(), CreatedAt = now };
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/teams/{id}/messages", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/teams/{id}/messages", await mediator.Send(command with { TeamId = id })))
            .WithName("PostTeamMessage").ProducesValidationProblem().ProducesProblem(404);
}
