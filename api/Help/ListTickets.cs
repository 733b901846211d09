using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Help;

/// <summary>
/// <c>GET /api/admin/tickets?status=open</c>: the office's queue, newest first, in keyset pages; every ticket without a
/// status. Administrators only.
/// </summary>
public static class ListTickets
{
    public sealed record Query : IRequest<Page<TicketSummary>>
    {
        public string? Status { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<TicketStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<TicketStatus>()}.");
            RuleFor(q => q.Cursor).PlainText().ValidCursor();
        }
    }

    /// <summary>Every ticket, on the primary key.</summary>
    internal const string AllSql = "SELECT " + Tickets.Summary + " WHERE t.id < @After ORDER BY t.id DESC LIMIT @Take";

    /// <summary>The tickets of one status, on ix_support_tickets_status (status, id).</summary>
    internal const string InStatusSql = "SELECT " + Tickets.Summary + " WHERE t.status = @Status AND t.id < @After ORDER BY t.id DESC LIMIT @Take";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<TicketSummary>>
    {
        public async Task<Page<TicketSummary>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "read the office's tickets");
            var limit = Paging.Clamp(query.Limit);
            var status = WireName.TryParse<TicketStatus>(query.Status, out var s) ? WireName.Of(s) : null;
            var rows = await db.QueryAsync<TicketSummary>(status is null ? AllSql : InStatusSql,
                new { Status = status, After = Paging.After(query.Cursor), Take = limit + 1 });
            return Paging.From(rows, limit, t => t.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder help) =>
        help.MapGet("/admin/tickets", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListTickets").ProducesValidationProblem().ProducesProblem(403);
}
