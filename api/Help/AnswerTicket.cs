using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Help;

/// <summary>
/// <c>POST /api/admin/tickets/{id}/replies</c> {body}: an administrator answers for the office. The ticket is answered,
/// the person is told (in the product and by mail, as its settings say), and the answer is in the audit trail.
/// </summary>
public static class AnswerTicket
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
            await caller.RequireAdministratorAsync(db, "answer the office's tickets");
            var ticket = await Tickets.VisibleAsync(db, caller, command.TicketId);
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO support_ticket_replies (id, ticket_id, author_id, from_office, body, created_at)
                VALUES (@Id, @TicketId, @Me, TRUE, @Body, @Now)
                """, new { Id = id, TicketId = ticket.Id, Me = caller.Id, Body = command.Body.Trim(), Now = now });
            await db.ExecuteAsync("UPDATE support_tickets SET status = 'answered', last_reply_at = @Now WHERE id = @Id", new { ticket.Id, Now = now });
            await Notify.ToAsync(db, ticket.UserId, NotificationKind.TicketAnswered,
                $"The office answered your question \"{ticket.Subject}\".", $"ticket-reply:{id}", now);
            await Audit.RecordAsync(db, caller, AuditAction.AnswerTicket, ticket.Id, new { replyId = id, userId = ticket.UserId }, now);
            return await mediator.Send(new GetTicket.Query(ticket.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder help) =>
        help.MapPost("/admin/tickets/{id}/replies", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/tickets/{id}", await mediator.Send(command with { TicketId = id })))
            .WithName("AnswerTicket").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
}
