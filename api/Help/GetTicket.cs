using MediatR;
using Marketplace.Platform;

namespace Marketplace.Help;

/// <summary><c>GET /api/tickets/{id}</c>: the question and every reply, to its author and to the administrators.</summary>
public static class GetTicket
{
    public sealed record Query(string Id) : IRequest<TicketDetail>;

    /// <summary>A ticket's replies, oldest first, on ix_support_ticket_replies_ticket (ticket_id, id).</summary>
    internal const string RepliesSql = """
        SELECT r.id, u.display_name AS author_name, r.from_office, r.body, r.created_at
        FROM support_ticket_replies r JOIN users u ON u.id = r.author_id
        WHERE r.ticket_id = @Id ORDER BY r.id
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, TicketDetail>
    {
        public async Task<TicketDetail> Handle(Query query, CancellationToken ct)
        {
            var ticket = await Tickets.VisibleAsync(db, caller, query.Id);
            var body = await db.ExecuteScalarAsync<string>("SELECT body FROM support_tickets WHERE id = @Id", new { ticket.Id });
            var replies = await db.QueryAsync<TicketReply>(RepliesSql, new { ticket.Id });
            // The person reads "the office": which administrator answered is the office's own business (the audit trail's).
            if (caller.Role != Role.Administrator)
                replies = replies.Select(r => r.FromOffice ? r with { AuthorName = "" } : r).ToList();
            return new TicketDetail { Ticket = ticket, Body = body!, Replies = replies };
        }
    }

    public static void Map(IEndpointRouteBuilder help) =>
        help.MapGet("/tickets/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetTicket").ProducesProblem(403).ProducesProblem(404);
}
