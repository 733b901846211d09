using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Conversations;

/// <summary><c>POST /api/contracts/{id}/messages</c> {body, fileIds?}: a word, with up to 10 files, to the contract's other parties.</summary>
public static class PostMessage
{
    public const int BodyMax = 5_000;

    public sealed record Command : ICommand<Message>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public string Body { get; init; } = "";
        public IReadOnlyList<string>? FileIds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // A message is words, files, or both.
            RuleFor(c => c.Body).PlainMultilineText().MaximumLength(BodyMax)
                .Must((c, body) => !string.IsNullOrWhiteSpace(body) || c.FileIds is { Count: > 0 })
                .WithMessage("Write a message or attach a file.").WithErrorCode("required");
            this.FileIdsRule(c => c.FileIds);
        }
    }

    /// <summary>
    /// The reader's unread notice of this thread, on ux_notifications_unread_thread (migration 0050). Two posts at once by two
    /// writers both find none: the command's serializable transaction runs the loser again, and the index lets only one
    /// unread notice stand whatever the isolation (ConversationTests and TeamThreadTests race them).
    /// </summary>
    internal const string UnreadNoticeSql = """
        SELECT COUNT(*) FROM notifications n
        WHERE n.user_id = @Other AND n.read_at IS NULL AND n.kind = 'messageReceived' AND n.contract_id = @Id
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Message>
    {
        public async Task<Message> Handle(Command command, CancellationToken ct)
        {
            var contract = await ContractThread.ForMemberAsync(db, command.ContractId, caller);
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                "INSERT INTO messages (id, contract_id, sender_id, body, created_at) VALUES (@Id, @ContractId, @Me, @Body, @Now)",
                new { Id = id, ContractId = contract.Id, Me = caller.Id, Body = command.Body.Trim(), Now = now });
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Message, id);
            // The sender has read its own thread up to here.
            await ReadPosition.MoveAsync(db, contract.Id, caller.Id, id);
            // One notice (and one mail) for a run of messages: while a reader's notice of this thread is unread it still
            // says there is something new and opens the thread at the first unread message, so later messages add none
            // (a trial found 95 notices and as many mails for one afternoon's thread); the menu counts every message.
            foreach (var other in ContractThread.Others(contract, caller.Id))
                if (await db.ExecuteScalarAsync<long>(UnreadNoticeSql, new { contract.Id, Other = other }) == 0)
                    await Notify.ToAsync(db, other, NotificationKind.MessageReceived, $"A new message about \"{contract.JobTitle}\".",
                        $"message:{id}", now, contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.MessagePosted, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("messageId", id));
            var files = await Attachments.OfAsync(db, AttachTo.Message, [id]);
            var name = await db.ExecuteScalarAsync<string>("SELECT display_name FROM users WHERE id = @Me", new { Me = caller.Id });
            return new Message { Id = id, SenderId = caller.Id, SenderName = name!, Body = command.Body.Trim(), Files = files[id].ToList(), CreatedAt = now };
        }
    }

    public static void Map(IEndpointRouteBuilder conversations) =>
        conversations.MapPost("/contracts/{id}/messages", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}/messages", await mediator.Send(command with { ContractId = id })))
            .WithName("PostMessage").ProducesValidationProblem().ProducesProblem(404);
}
