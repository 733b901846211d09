using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Help;

/// <summary><c>GET /api/me/tickets</c>: what the caller asked the office, newest first, in keyset pages.</summary>
public static class ListMyTickets
{
    public sealed record Query : IRequest<Page<TicketSummary>>
    {
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Cursor).PlainText().ValidCursor();
    }

    /// <summary>A person's tickets, on ix_support_tickets_user (user_id, id).</summary>
    internal const string Sql = "SELECT " + Tickets.Summary + " WHERE t.user_id = @Me AND t.id < @After ORDER BY t.id DESC LIMIT @Take";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<TicketSummary>>
    {
        public async Task<Page<TicketSummary>> Handle(Query query, CancellationToken ct)
        {
            var limit = Paging.Clamp(query.Limit);
            var rows = await db.QueryAsync<TicketSummary>(Sql, new { Me = caller.Id, After = Paging.After(query.Cursor), Take = limit + 1 });
            return Paging.From(rows, limit, t => t.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder help) =>
        help.MapGet("/me/tickets", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListMyTickets").ProducesValidationProblem();
}
