using Dapper;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Contracts;

public static class AwardJob
{
    public sealed record Command : IRequest<Contract>
    {
        [JsonIgnore] public string JobId { get; init; } = "";
        public string BidId { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.BidId).NotEmpty().MaximumLength(64);
    }

    private sealed record ChosenBid(string Id, string JobId, string WorkerId, long Amount, long DeliveryDays);

    private sealed class Parties
    {
        public bool WorkerIsIndividual { get; init; }
        public bool BusinessIsAgent { get; init; }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Money.MoneyOptions> money,
        Money.IPaymentProvider payments)
        : IRequestHandler<Command, Contract>
    {
        public Task<Contract> Handle(Command command, CancellationToken ct) => db.InTransactionAsync(async (connection, tx) =>
        {
            var job = await JobSql.GetVisibleAsync(connection, command.JobId, caller, tx);
            if (job.BusinessId != caller.Id)
            {
                var link = await Producers.ProducerSql.ActiveAsync(connection, job.BusinessId, caller.Id, tx);
                if (link is not { CanAward: true })
                    throw new ForbiddenException("Only the job's business, or its producer with permission to award, may award it.");
            }
            var bid = await connection.QuerySingleOrDefaultAsync<ChosenBid>(
                "SELECT id, job_id, worker_id, amount, delivery_days FROM bids WHERE id = @BidId", new { command.BidId }, tx);
            if (bid is null || bid.JobId != job.Id)
                throw new ValidationException([new ValidationFailure("bidId", "The bid is not a bid on this job.")]);

            // Each step is a conditional UPDATE: of many racing awards, the database lets exactly one move the
            // job out of 'open'; the others change nothing and are refused. The transaction makes it all-or-nothing.
            var opened = await connection.ExecuteAsync(
                "UPDATE jobs SET status = 'awarded' WHERE id = @Id AND status = 'open'", new { job.Id }, tx);
            if (opened == 0) throw new ConflictException("The job is no longer open: it was awarded or cancelled.");
            var accepted = await connection.ExecuteAsync(
                "UPDATE bids SET status = 'accepted' WHERE id = @Id AND status = 'pending'", new { bid.Id }, tx);
            if (accepted == 0) throw new ConflictException("The bid is no longer pending (it was withdrawn).");
            await connection.ExecuteAsync(
                "UPDATE bids SET status = 'rejected' WHERE job_id = @Id AND status = 'pending'", new { job.Id }, tx);

            // The money split is fixed now, from the terms in force at award: the job's producer fee (its active
            // link), the platform fee, and withholding when an individual is paid by a withholding agent.
            var producerLink = job.ProducerId is null ? null : await Producers.ProducerSql.ActiveAsync(connection, job.BusinessId, job.ProducerId, tx);
            var parties = await connection.QuerySingleAsync<Parties>(
                """
                SELECT (SELECT is_individual FROM users WHERE id = @WorkerId) AS worker_is_individual,
                       (SELECT is_withholding_agent FROM users WHERE id = @BusinessId) AS business_is_agent
                """, new { bid.WorkerId, job.BusinessId }, tx);
            var options = money.Value;
            var split = Money.Split.For(bid.Amount, producerLink is null ? 0 : (long)(producerLink.FeeRate * 10_000m), options.PlatformFeeBps,
                Money.Withholding.Applies(parties.WorkerIsIndividual, parties.BusinessIsAgent, job.Category, options.WithheldCategories));

            var now = clock.GetUtcNow();
            var id = Wire.NewId();
            await connection.ExecuteAsync(
                """
                INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, producer_id, amount, producer_fee, platform_fee,
                                       withholding_tax, status, deadline, created_at)
                VALUES (@Id, @JobId, @BidId, @BusinessId, @WorkerId, @ProducerId, @Amount, @ProducerFee, @PlatformFee,
                        @WithholdingTax, 'active', @Deadline, @Now)
                """,
                new { Id = id, JobId = job.Id, BidId = bid.Id, job.BusinessId, bid.WorkerId, ProducerId = producerLink?.ProducerId,
                      bid.Amount, split.ProducerFee, split.PlatformFee, split.WithholdingTax, Deadline = now.AddDays(bid.DeliveryDays), Now = now }, tx);
            await Money.Escrow.RequestPaymentAsync(connection, tx, id, split.EscrowTotal, payments, now);
            await Notifications.Notify.ToAsync(connection, tx, bid.WorkerId, Notifications.NotificationKind.BidAwarded,
                $"Your bid on \"{job.Title}\" was accepted.", $"award:{bid.Id}", now, job.Id, id);
            foreach (var (rejectedBid, worker) in await connection.QueryAsync<(string, string)>(
                "SELECT id, worker_id FROM bids WHERE job_id = @Id AND status = 'rejected'", new { job.Id }, tx))
                await Notifications.Notify.ToAsync(connection, tx, worker, Notifications.NotificationKind.BidRejected,
                    $"Another bid was chosen for \"{job.Title}\".", $"reject:{rejectedBid}", now, job.Id);
            return await ContractSql.GetForPartyAsync(connection, id, caller, tx);
        }, ct);
    }
}
