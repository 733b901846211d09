using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Producers;

/// <summary>A business asks a producer to act for it, with what the producer may do and its fee.</summary>
public static class LinkProducer
{
    public sealed record Command : ICommand<ProducerLink>
    {
        public string ProducerEmail { get; init; } = "";
        public bool CanPostJobs { get; init; }
        public bool CanAward { get; init; }
        public decimal FeeRate { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ProducerEmail).NotEmpty().PlainText().MaximumLength(254).MailboxAddress();
            RuleFor(c => c.FeeRate).InclusiveBetween(0m, 0.3m)
                .Must(r => r * 10_000m == decimal.Truncate(r * 10_000m)).WithMessage("Fee rate has at most four decimals (0.0001 = 0.01%).").WithErrorCode("feeRatePrecision");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ProducerLink>
    {
        public async Task<ProducerLink> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Business, "link a producer");
            var producerId = await db.ExecuteScalarAsync<string?>(
                "SELECT id FROM users WHERE email = @Email AND role = 'producer'", new { Email = Emails.Normalize(command.ProducerEmail) })
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("producerEmail", "No producer has this email.")]);
            var id = TimeOrderedId.New();
            try
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO producer_links (id, business_id, producer_id, can_post_jobs, can_award, fee_rate_bps, status, created_at)
                    VALUES (@Id, @Me, @ProducerId, @CanPostJobs, @CanAward, @Bps, 'pending', @Now)
                    """,
                    new { Id = id, Me = caller.Id, ProducerId = producerId, command.CanPostJobs, command.CanAward,
                          Bps = (long)(command.FeeRate * 10_000m), Now = clock.GetUtcNow() });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("This producer already has a pending or active link with you; end it first.", ConflictCode.LinkExists);
            }
            return (await db.QuerySingleAsync<ProducerLink.Row>("SELECT l.* FROM producer_link_details l WHERE l.id = @Id", new { Id = id })).ToLink();
        }
    }

    public static void Map(IEndpointRouteBuilder links) =>
        links.MapPost("/producer-links", async (Command command, IMediator mediator) => TypedResults.Created("/api/producer-links", await mediator.Send(command)))
            .WithName("LinkProducer").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
}
