using Dapper;
using FluentValidation;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Bids;

public static class PlaceBid
{
    public sealed record Command : IRequest<Bid>
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
            RuleFor(c => c.Message).NotBlank("Message is required.").MaximumLength(5_000);
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Bid>
    {
        public async Task<Bid> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "bid on a job");
            var id = Wire.NewId();
            return await db.InTransactionAsync(async (connection, tx) =>
            {
                int inserted;
                try
                {
                    // The job's state and the insert are one statement: a job closed a moment ago gets no new bid.
                    inserted = await connection.ExecuteAsync(
                        """
                        INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at)
                        SELECT @Id, j.id, @WorkerId, @Amount, @DeliveryDays, @Message, 'pending', @Now
                        FROM jobs j WHERE j.id = @JobId AND j.status = 'open'
                        """,
                        new { Id = id, command.JobId, WorkerId = caller.Id, command.Amount, command.DeliveryDays,
                              Message = command.Message.Trim(), Now = clock.GetUtcNow() }, tx);
                }
                catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
                {
                    throw new ConflictException("You already have a pending bid on this job; withdraw it to bid again.");
                }
                if (inserted == 0)
                {
                    var exists = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM jobs WHERE id = @JobId", new { command.JobId }, tx);
                    throw exists == 0 ? new NotFoundException("No such job.") : new ConflictException("The job is no longer open for bids.");
                }
                var bid = await connection.QuerySingleAsync<Bid>($"{BidSql.Select} WHERE b.id = @Id", new { Id = id }, tx);
                foreach (var owner in await connection.QueryAsync<string>(
                    "SELECT business_id FROM jobs WHERE id = @JobId UNION SELECT producer_id FROM jobs WHERE id = @JobId AND producer_id IS NOT NULL",
                    new { command.JobId }, tx))
                    await Notifications.Notify.ToAsync(connection, tx, owner, Notifications.NotificationKind.BidReceived,
                        $"New bid of ¥{bid.Amount:N0} on \"{bid.JobTitle}\".", $"bid:{id}", clock.GetUtcNow(), command.JobId);
                return bid;
            }, ct);
        }
    }
}
