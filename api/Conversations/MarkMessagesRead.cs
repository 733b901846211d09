using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Conversations;

/// <summary><c>POST /api/contracts/{id}/messages/read</c> {upTo}: the caller has read the thread up to this message.</summary>
public static class MarkMessagesRead
{
    public sealed record Command : ICommand<UnreadCount>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public string UpTo { get; init; } = "";
    }

    public sealed record UnreadCount(int UnreadMessages);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UpTo).NotEmpty().PlainText().MaximumLength(64);
    }

    /// <summary>Messages of others the caller has not read, after its read position, on ix_messages_contract.</summary>
    internal const string UnreadSql = """
        SELECT COUNT(*) FROM messages m
        WHERE m.contract_id = @Id AND m.sender_id <> @Me
          AND m.id > COALESCE((SELECT r.up_to FROM message_reads r WHERE r.contract_id = @Id AND r.user_id = @Me), '')
        """;

    /// <summary>
    /// The caller's notifications of the messages it has now read: the thread is what they point to, and without this the
    /// notifications page and the header's count stayed up however much of the thread was read. A message's key is
    /// <c>message:{id}</c> and ids sort as the thread does (the read position compares them the same way), so the keys
    /// up to the one read are its messages up to there: the statement reads the caller's unread notifications
    /// (ix_notifications_unread), never the thread, whose length would otherwise set its cost.
    /// </summary>
    internal const string ReadNotificationsSql = """
        UPDATE notifications SET read_at = @Now
        WHERE user_id = @Me AND kind = 'messageReceived' AND read_at IS NULL AND contract_id = @Id
          AND event_key <= @UpToKey
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, UnreadCount>
    {
        public async Task<UnreadCount> Handle(Command command, CancellationToken ct)
        {
            var contract = await ContractThread.ForMemberAsync(db, command.ContractId, caller);
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM messages m WHERE m.id = @UpTo AND m.contract_id = @Id",
                    new { command.UpTo, contract.Id }) == 0)
                throw new ValidationException([new ValidationFailure("upTo", "This is not a message of the contract's thread.") { ErrorCode = "unknownMessage" }]);
            await ReadPosition.MoveAsync(db, contract.Id, caller.Id, command.UpTo);
            await db.ExecuteAsync(ReadNotificationsSql, new { Me = caller.Id, contract.Id, UpToKey = $"message:{command.UpTo}", Now = clock.GetUtcNow() });
            return new UnreadCount(await db.ExecuteScalarAsync<int>(UnreadSql, new { contract.Id, Me = caller.Id }));
        }
    }

    public static void Map(IEndpointRouteBuilder conversations) =>
        conversations.MapPost("/contracts/{id}/messages/read", (string id, Command command, IMediator mediator) =>
                mediator.Send(command with { ContractId = id }))
            .WithName("MarkMessagesRead").ProducesValidationProblem().ProducesProblem(404);
}
