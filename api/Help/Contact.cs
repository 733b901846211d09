using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Help;

/// <summary>
/// <c>POST /api/contact</c> {subject, body}: a signed-in person writes to the office (the contact form of the help
/// page). It becomes a ticket the administrators list and answer in the product; each administrator is told. A person
/// opens at most <see cref="PerDay"/> tickets a day (the database counts them in the same statement that writes one),
/// so a stuck script or an angry afternoon cannot bury the office's queue; writing again on an open ticket is not
/// counted.
/// </summary>
public static class Contact
{
    public sealed record Command : ICommand<TicketDetail>
    {
        public string Subject { get; init; } = "";
        public string Body { get; init; } = "";
    }

    /// <summary>Tickets a person may open in 24 hours.</summary>
    public const int PerDay = 5;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Subject).NotBlank("Subject is required.").PlainText().MaximumLength(Tickets.SubjectMax);
            RuleFor(c => c.Body).NotBlank("Body is required.").PlainMultilineText().MaximumLength(Tickets.BodyMax);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, TicketDetail>
    {
        public async Task<TicketDetail> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            var written = await db.ExecuteAsync(
                """
                INSERT INTO support_tickets (id, user_id, subject, body, status, created_at)
                SELECT @Id, @Me, @Subject, @Body, 'open', @Now
                WHERE (SELECT COUNT(*) FROM support_tickets t WHERE t.user_id = @Me AND t.created_at > @Since) < @PerDay
                """, new { Id = id, Me = caller.Id, Subject = command.Subject.Trim(), Body = command.Body.Trim(), Now = now,
                           Since = now.AddDays(-1), PerDay });
            if (written == 0)
                throw new TooManyRequestsException(TimeSpan.FromHours(1),
                    $"You have written to the office {PerDay} times in the last 24 hours; please add to one of those tickets or try again later.");
            foreach (var administrator in await db.QueryAsync<string>("SELECT u.id FROM users u WHERE u.role = 'administrator' AND u.suspended_at IS NULL"))
                await Notify.ToAsync(db, administrator, NotificationKind.TicketReceived,
                    $"A question came to the office: \"{command.Subject.Trim()}\".", $"ticket:{id}", now, partyId: caller.Id);
            return await mediator.Send(new GetTicket.Query(id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder help) =>
        help.MapPost("/contact", async (Command command, IMediator mediator) =>
            {
                var ticket = await mediator.Send(command);
                return TypedResults.Created($"/api/tickets/{ticket.Ticket.Id}", ticket);
            })
            .WithName("Contact").ProducesValidationProblem().ProducesProblem(429);
}
