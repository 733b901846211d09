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

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Contract>
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

            var now = clock.GetUtcNow();
            var id = Wire.NewId();
            await connection.ExecuteAsync(
                """
                INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at)
                VALUES (@Id, @JobId, @BidId, @BusinessId, @WorkerId, @Amount, 'active', @Deadline, @Now)
                """,
                new { Id = id, JobId = job.Id, BidId = bid.Id, job.BusinessId, bid.WorkerId, bid.Amount,
                      Deadline = now.AddDays(bid.DeliveryDays), Now = now }, tx);
            return await ContractSql.GetForPartyAsync(connection, id, caller, tx);
        }, ct);
    }
}
