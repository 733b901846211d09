using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Help;

/// <summary>
/// <c>POST /api/tickets/{id}/replies</c> {body}: the person who asked writes again on its own ticket (it answers the
/// office, or adds what it forgot); the ticket is open again and the administrators are told. Not counted by the
/// contact form's daily limit: it adds to a question, it does not open one.
/// </summary>
public static class ReplyToTicket
{
    public sealed record Command : ICommand<TicketDetail>
    {
        [JsonIgnore] public string TicketId { get; init; } = "";
        public string Body { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).NotBlank("Body is required.").PlainMultilineText().MaximumLength(Tickets.BodyMax);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, TicketDetail>
    {
        public async Task<TicketDetail> Handle(Command command, CancellationToken ct)
        {
            var ticket = await Tickets.VisibleAsync(db, caller, command.TicketId);
            // An administrator answers for the office through its own route, which is audited.
            if (ticket.UserId != caller.Id) throw new ForbiddenException("Only the person who asked writes on a ticket; the office answers it.");
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO support_ticket_replies (id, ticket_id, author_id, from_office, body, created_at)
                VALUES (@Id, @TicketId, @Me, FALSE, @Body, @Now)
                """, new { Id = id, TicketId = ticket.Id, Me = caller.Id, Body = command.Body.Trim(), Now = now });
            await db.ExecuteAsync("UPDATE support_tickets SET status = 'open', last_reply_at = @Now WHERE id = @Id", new { ticket.Id, Now = now });
            foreach (var administrator in await db.QueryAsync<string>("SELECT u.id FROM users u WHERE u.role = 'administrator' AND u.suspended_at IS NULL"))
                await Notify.ToAsync(db, administrator, NotificationKind.TicketReceived,
                    $"A question to the office has a new message: \"{ticket.Subject}\".", $"ticket-reply:{id}", now, partyId: caller.Id);
            return await mediator.Send(new GetTicket.Query(ticket.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder help) =>
        help.MapPost("/tickets/{id}/replies", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/tickets/{id}", await mediator.Send(command with { TicketId = id })))
            .WithName("ReplyToTicket").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
}
