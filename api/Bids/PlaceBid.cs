using FluentValidation;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Bids;

public static class PlaceBid
{
    public sealed record Command : ICommand<Bid>
    {
        [JsonIgnore] public string JobId { get; init; } = "";
        public long Amount { get; init; }
        public int DeliveryDays { get; init; }
        public string Message { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).InclusiveBetween(JobRules.BudgetMinYen, JobRules.BudgetMaxYen);
            RuleFor(c => c.DeliveryDays).InclusiveBetween(1, 365);
            RuleFor(c => c.Message).NotBlank("Message is required.").PlainMultilineText().MaximumLength(5_000);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Bid>
    {
        public async Task<Bid> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "bid on a job");
            var id = TimeOrderedId.New();
            var now = clock.GetUtcNow();
            int inserted;
            try
            {
                // The job's state and the insert are one statement: a job closed a moment ago gets no new bid.
                inserted = await db.ExecuteAsync(
                    """
                    INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at)
                    SELECT @Id, j.id, @WorkerId, @Amount, @DeliveryDays, @Message, 'pending', @Now
                    FROM jobs j WHERE j.id = @JobId AND j.status = 'open'
                    """,
                    new { Id = id, command.JobId, WorkerId = caller.Id, command.Amount, command.DeliveryDays,
                          Message = command.Message.Trim(), Now = now });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("You already have a pending bid on this job; withdraw it to bid again.", ConflictCode.BidExists);
            }
            if (inserted == 0)
            {
                var exists = await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM jobs WHERE id = @JobId", new { command.JobId });
                throw exists == 0 ? new NotFoundException("No such job.") : new ConflictException("The job is no longer open for bids.", ConflictCode.JobNotOpen);
            }
            var bid = await db.QuerySingleAsync<Bid>("SELECT b.* FROM bid_details b WHERE b.id = @Id", new { Id = id });
            // The job's business hears of it, and so does the producer who posted it while it still acts for the business.
            foreach (var owner in await db.QueryAsync<string>(
                """
                SELECT j.business_id FROM jobs j WHERE j.id = @JobId
                UNION
                SELECT pc.producer_id FROM jobs j JOIN producer_clients pc ON pc.business_id = j.business_id AND pc.producer_id = j.producer_id
                WHERE j.id = @JobId
                """, new { command.JobId }))
                await Notifications.Notify.ToAsync(db, owner, Notifications.NotificationKind.BidReceived,
                    $"New bid of ¥{bid.Amount:N0} on \"{bid.JobTitle}\".", $"bid:{id}", now, command.JobId, partyId: caller.Id);
            return bid;
        }
    }

    public static void Map(IEndpointRouteBuilder bids) =>
        bids.MapPost("/jobs/{id}/bids", async (string id, Command command, IMediator mediator) =>
            {
                var bid = await mediator.Send(command with { JobId = id });
                return TypedResults.Created($"/api/jobs/{id}/bids", bid);
            })
            .WithName("PlaceBid").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
