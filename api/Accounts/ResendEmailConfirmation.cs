using MediatR;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts;

/// <summary>
/// <c>POST /api/me/email-confirmation</c>: a new confirmation link to the signed-in person's address (the one before it
/// stops working); 409 <c>emailAlreadyConfirmed</c> once it is confirmed. Throttled per account in the database.
/// </summary>
public static class ResendEmailConfirmation
{
    public sealed record Command : ICommand<Unit>;

    private sealed class Me
    {
        public string Email { get; init; } = "";
        public DateTimeOffset? EmailConfirmedAt { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, MailRequestThrottle throttle, AccountMailOutbox outbox, TimeProvider clock,
        IOptions<AuthOptions> options) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var me = await db.QuerySingleOrDefaultAsync<Me>("SELECT email, email_confirmed_at FROM users WHERE id = @Id", new { caller.Id })
                ?? throw new NotFoundException("The signed-in account no longer exists.");
            if (me.EmailConfirmedAt is not null) throw new ConflictException("This address is confirmed already.", ConflictCode.EmailAlreadyConfirmed);
            await throttle.CountAsync($"confirm:{caller.Id}", options.Value.ConfirmationMailsPerAccountPerHour, TimeSpan.FromHours(1));
            await EmailConfirmation.SendAsync(db, outbox, caller.Id, me.Email, TokenPurpose.EmailConfirmation, clock.GetUtcNow());
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/me/email-confirmation", async (IMediator mediator) =>
            {
                await mediator.Send(new Command());
                return TypedResults.Accepted((string?)null);
            })
            .RequireAuthorization()
            .WithName("ResendEmailConfirmation")
            .Produces(202).ProducesProblem(401).ProducesProblem(409).ProducesProblem(429);
}
