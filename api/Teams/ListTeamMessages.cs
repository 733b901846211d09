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

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string SenderId { get; init; } = "";
        public string SenderName { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>Oldest first after the cursor, on ix_team_messages_team (team_id, id).</summary>
    internal const string OldestFirstSql = """
        SELECT m.id, m.sender_id, u.display_name AS sender_name, m.body, m.created_at
        FROM team_messages m JOIN users u ON u.id = m.sender_id
        WHERE m.team_id = @TeamId AND m.id > @After ORDER BY m.id LIMIT @Take
        """;

    /// <summary>Newest first before the cursor, on the same index read backwards.</summary>
    internal const string NewestFirstSql = """
        SELECT m.id, m.sender_id, u.display_name AS sender_name, m.body, m.created_at
        FROM team_messages m JOIN users u ON u.id = m.sender_id
        WHERE m.team_id = @TeamId AND m.id < @After ORDER BY m.id DESC LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, MessagePage>
    {
        public async Task<MessagePage> Handle(Query query, CancellationToken ct)
        {
            await TeamThread.RequireMemberAsync(db, query.Id, caller.Id);
            var limit = Paging.Clamp(query.Limit);
            var newest = query.NewestFirst == true;
            var rows = await db.QueryAsync<Row>(newest ? NewestFirstSql : OldestFirstSql,
                new { TeamId = query.Id, After = newest ? Paging.After(query.Cursor) : Paging.Decode(query.Cursor) ?? "", Take = limit + 1 });
            var page = Paging.From(rows, limit, r => r.Id);
            var files = await Attachments.OfAsync(db, AttachTo.TeamMessage, page.Items.Select(r => r.Id).ToList());
            var readUpTo = await db.ExecuteScalarAsync<string?>(
                "SELECT r.up_to FROM team_message_reads r WHERE r.team_id = @TeamId AND r.user_id = @Me", new { TeamId = query.Id, Me = caller.Id });
            var unread = await db.ExecuteScalarAsync<int>(TeamThread.UnreadSql, new { TeamId = query.Id, Me = caller.Id });
            return new MessagePage(
                page.Items.Select(r => new Message
                {
                    Id = r.Id, SenderId = r.SenderId, SenderName = r.SenderName, Body = r.Body, Files = files[r.Id].ToList(), CreatedAt = r.CreatedAt,
                }).ToList(),
                page.NextCursor, readUpTo, unread);
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/teams/{id}/messages", (string id, string? cursor, int? limit, bool? newestFirst, IMediator mediator) =>
                mediator.Send(new Query { Id = id, Cursor = cursor, Limit = limit, NewestFirst = newestFirst }))
            .WithName("ListTeamMessages").ProducesValidationProblem().ProducesProblem(404);
}
