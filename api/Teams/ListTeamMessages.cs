using FluentValidation;
using MediatR;
using Marketplace.Conversations;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>GET /api/teams/{id}/messages?cursor=&amp;limit=&amp;newestFirst=</c>: the team's own thread in keyset pages, oldest
/// first (or newest first with the flag), each message with its files, and the caller's read position — the shapes of a
/// contract's thread. For the team's members only (404 for anyone else).
/// </summary>
public static class ListTeamMessages
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

    /// <summary>Oldest first after the cursor, on ix_team_messages_team (team_id, id).</summary>
    internal const string OldestFirstSql = """
        SELECT m.id, m.sender_id, u.display_name AS sender_name, m.body, m.created_at
        FROM team_messages m JOIN users u ON u.id = m.sender_id
        WHERE m.team_id = @Id AND m.id > @After ORDER BY m.id LIMIT @Take
        """;

    /// <summary>Newest first before the cursor, on the same index read backwards.</summary>
    internal const string NewestFirstSql = """
        SELECT m.id, m.sender_id, u.display_name AS sender_name, m.body, m.created_at
        FROM team_messages m JOIN users u ON u.id = m.sender_id
        WHERE m.team_id = @Id AND m.id < @After ORDER BY m.id DESC LIMIT @Take
        """;

    internal const string ReadUpToSql = "SELECT r.up_to FROM team_message_reads r WHERE r.team_id = @Id AND r.user_id = @Me";

    private static readonly MessageThread.Statements Thread = new(OldestFirstSql, NewestFirstSql, ReadUpToSql, TeamThread.UnreadSql, AttachTo.TeamMessage);

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, MessagePage>
    {
        public async Task<MessagePage> Handle(Query query, CancellationToken ct)
        {
            await TeamThread.RequireMemberAsync(db, query.Id, caller.Id);
            return await MessageThread.PageAsync(db, Thread, query.Id, caller.Id, query.Cursor, query.Limit, query.NewestFirst == true);
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/teams/{id}/messages", (string id, string? cursor, int? limit, bool? newestFirst, IMediator mediator) =>
                mediator.Send(new Query { Id = id, Cursor = cursor, Limit = limit, NewestFirst = newestFirst }))
            .WithName("ListTeamMessages").ProducesValidationProblem().ProducesProblem(404);
}
