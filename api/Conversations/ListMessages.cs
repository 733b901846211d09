using FluentValidation;
using MediatR;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Conversations;

/// <summary>
/// <c>GET /api/contracts/{id}/messages?cursor=&amp;limit=&amp;newestFirst=</c>: the thread in keyset pages, oldest first
/// (or newest first with the flag), each message with its files, and the caller's read position.
/// </summary>
public static class ListMessages
{
    public sealed record Query : IRequest<MessagePage>
    {
        public string Id { get; init; } = "";
        public string? Cursor { get; init; }
        public int? Limit { get; init; }
        public bool? NewestFirst { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Id).PlainText();
            RuleFor(q => q.Cursor).PlainText().ValidCursor();
        }
    }

    /// <summary>Oldest first after the cursor, on ix_messages_contract (contract_id, id).</summary>
    internal const string OldestFirstSql = """
        SELECT m.id, m.sender_id, u.display_name AS sender_name, m.body, m.created_at
        FROM messages m JOIN users u ON u.id = m.sender_id
        WHERE m.contract_id = @Id AND m.id > @After ORDER BY m.id LIMIT @Take
        """;

    /// <summary>Newest first before the cursor, on the same index read backwards.</summary>
    internal const string NewestFirstSql = """
        SELECT m.id, m.sender_id, u.display_name AS sender_name, m.body, m.created_at
        FROM messages m JOIN users u ON u.id = m.sender_id
        WHERE m.contract_id = @Id AND m.id < @After ORDER BY m.id DESC LIMIT @Take
        """;

    /// <summary>Messages of others the caller has not read, after its read position, on ix_messages_contract.</summary>
    internal const string UnreadSql = """
        SELECT COUNT(*) FROM messages m
        WHERE m.contract_id = @Id AND m.sender_id <> @Me
          AND m.id > COALESCE((SELECT r.up_to FROM message_reads r WHERE r.contract_id = @Id AND r.user_id = @Me), '')
        """;

    internal const string ReadUpToSql = "SELECT r.up_to FROM message_reads r WHERE r.contract_id = @Id AND r.user_id = @Me";

    private static readonly MessageThread.Statements Thread = new(OldestFirstSql, NewestFirstSql, ReadUpToSql, UnreadSql, AttachTo.Message);

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, MessagePage>
    {
        public async Task<MessagePage> Handle(Query query, CancellationToken ct)
        {
            var contract = await ContractThread.ForMemberAsync(db, query.Id, caller);
            return await MessageThread.PageAsync(db, Thread, contract.Id, caller.Id, query.Cursor, query.Limit, query.NewestFirst == true);
        }
    }

    public static void Map(IEndpointRouteBuilder conversations) =>
        conversations.MapGet("/contracts/{id}/messages", (string id, string? cursor, int? limit, bool? newestFirst, IMediator mediator) =>
                mediator.Send(new Query { Id = id, Cursor = cursor, Limit = limit, NewestFirst = newestFirst }))
            .WithName("ListMessages").ProducesValidationProblem().ProducesProblem(404);
}
