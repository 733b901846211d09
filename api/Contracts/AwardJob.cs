using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Notifications;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;
using Marketplace.Events;

namespace Marketplace.Contracts;

/// <summary>
/// The job's business (or its producer, with permission to award) chooses a bid: the job closes, the other
/// bids are rejected, the contract is made with its money split fixed, and the payment into escrow is asked for.
/// </summary>
public static class AwardJob
{
    public sealed record Command : ICommand<Contract>
    {
        [JsonIgnore] public string JobId { get; init; } = "";
        public string BidId { get; init; } = "";
        /// <summary>
        /// Optional: the contract is paid in these milestones (at most 20, each at least ¥1,000, summing to the bid's
        /// amount). Without them the contract is paid at the end, as before.
        /// </summary>
        public IReadOnlyList<MilestonePlan.Item>? Milestones { get; init; }
        /// <summary>With milestones: ask for the payment of all of them now (one transfer), rather than of the first alone.</summary>
        public bool? FundAllMilestones { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.BidId).NotEmpty().PlainText().MaximumLength(64);
            RuleFor(c => c.Milestones).MaxItems(MilestonePlan.MaxMilestones, "tooManyMilestones", $"At most {MilestonePlan.MaxMilestones} milestones.");
            RuleForEach(c => c.Milestones).SetValidator(new MilestonePlan.ItemValidator(clock));
        }
    }

    private sealed class Award
    {
        public string JobId { get; init; } = "";
        public string Title { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public JobCategory Category { get; init; }
        public bool MayAward { get; init; }
        public string? ProducerId { get; init; }
        /// <summary>The fee of the job's producer through its active link, when the producer still acts for the business.</summary>
        public long? ProducerFeeBps { get; init; }
        public bool BusinessIsAgent { get; init; }
    }

    private sealed class ChosenBid
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public long Amount { get; init; }
        public int DeliveryDays { get; init; }
        public bool WorkerIsIndividual { get; init; }
        public string? TeamId { get; init; }
    }

    internal const string AcceptBidSql = """
        UPDATE bids SET status = 'accepted'
        WHERE id = @Id AND status = 'pending'
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = bids.worker_id AND u.suspended_at IS NOT NULL)
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IOptions<MoneyOptions> money, IPaymentProvider payments,
        IOptions<ContractsOptions> contracts, IOptions<PaymentOptions> paymentOptions)
        : IRequestHandler<Command, Contract>
    {
        public async Task<Contract> Handle(Command command, CancellationToken ct)
        {
            var job = await db.QuerySingleOrDefaultAsync<Award>(
                """
                SELECT j.id AS job_id, j.title, j.business_id, j.category, j.producer_id, u.is_withholding_agent AS business_is_agent,
                       CASE WHEN j.business_id = @Me OR EXISTS (SELECT 1 FROM producer_clients pc
                                 WHERE pc.business_id = j.business_id AND pc.producer_id = @Me AND pc.can_award = TRUE) THEN 1 ELSE 0 END AS may_award,
                       (SELECT pc.fee_rate_bps FROM producer_clients pc
                        WHERE pc.business_id = j.business_id AND pc.producer_id = j.producer_id) AS producer_fee_bps
                FROM jobs j JOIN users u ON u.id = j.business_id
                WHERE j.id = @JobId AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { command.JobId, Me = caller.Id })
                ?? throw new NotFoundException("No such job.");
            if (!job.MayAward)
                throw new ForbiddenException("Only the job's business, or its producer with permission to award, may award it.");
            await EmailConfirmation.RequireAsync(db, caller.Id, "award a bid");
            var bid = await db.QuerySingleOrDefaultAsync<ChosenBid>(
                """
                SELECT b.id, b.job_id, u.id AS worker_id, b.team_id, b.amount, b.delivery_days, u.is_individual AS worker_is_individual
                FROM bids b LEFT JOIN teams t ON t.id = b.team_id JOIN users u ON u.id = COALESCE(t.director_id, b.worker_id)
                WHERE b.id = @BidId
                """, new { command.BidId });
            // A team bid makes a contract with the team, represented by its director at award (issue 23): the director is
            // the contract's worker, whoever of the team's leaders placed the bid.
            if (bid is null || bid.JobId != job.JobId)
                throw new ValidationException([new ValidationFailure("bidId", "The bid is not a bid on this job.")]);
            var milestones = command.Milestones is { Count: > 0 } plan ? plan : null;
            if (milestones is not null) MilestonePlan.RequireSum(milestones, bid.Amount, "milestones");
            // A team contract pays each member's approved tasks out of the contract's one release (Teams/TeamSplit.cs); a
            // release per milestone would need the tasks split per milestone too, which the product does not offer.
            if (milestones is not null && bid.TeamId is not null)
                throw new ValidationException([new ValidationFailure("milestones",
                    "A team's contract is paid at its close, split over the members' tasks: it cannot be paid in milestones.")
                    { ErrorCode = "teamContractMilestones" }]);

            // Each step is a conditional UPDATE: of many racing awards, the database lets exactly one move the
            // job out of 'open'; the others change nothing and are refused. The command's transaction makes it all-or-nothing.
            var closed = await db.ExecuteAsync("UPDATE jobs SET status = 'awarded' WHERE id = @JobId AND status = 'open'", new { job.JobId });
            if (closed == 0) throw new ConflictException("The job is no longer open: it was awarded or cancelled.", ConflictCode.JobNotOpen);
            // A suspended worker can neither sign in to do the work nor be paid for it (README, "Suspending an account"), so
            // the bid of one is not awarded; the same statement decides it, so a suspension racing the award is seen.
            var accepted = await db.ExecuteAsync(AcceptBidSql, new { bid.Id });
            if (accepted == 0)
                throw await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE id = @Id AND suspended_at IS NOT NULL", new { Id = bid.WorkerId }) > 0
                    ? new ConflictException("The worker's account is suspended: choose another bid.", ConflictCode.WorkerSuspended)
                    : new ConflictException("The bid is no longer pending (it was withdrawn).", ConflictCode.BidNotPending);
            await db.ExecuteAsync("UPDATE bids SET status = 'rejected' WHERE job_id = @JobId AND status = 'pending'", new { job.JobId });

            // The money split is fixed now, from the terms in force at award: the job's producer fee (its active
            // link), the platform fee, and withholding when an individual is paid by a withholding agent.
            var options = money.Value;
            var producerId = job.ProducerFeeBps is null ? null : job.ProducerId;
            var withholds = Withholding.Applies(bid.WorkerIsIndividual, job.BusinessIsAgent, job.Category, options.WithheldCategories);
            var split = Split.For(bid.Amount, job.ProducerFeeBps ?? 0, options.PlatformFeeBps, withholds);
            // Each person of a team is the business's own payee (its own invoice, paid its own share out of the escrow): an
            // individual member is withheld on whenever the business must withhold for this work, even when the director,
            // a company, is not (Teams/TeamSplit.cs).
            var teamMembersWithheld = bid.TeamId is not null && Withholding.Applies(true, job.BusinessIsAgent, job.Category, options.WithheldCategories);

            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, producer_id, amount, producer_fee, platform_fee,
                                       withholding_tax, status, deadline, created_at, platform_fee_bps, producer_fee_bps, withholds, team_id,
                                       team_members_withheld)
                VALUES (@Id, @JobId, @BidId, @BusinessId, @WorkerId, @ProducerId, @Amount, @ProducerFee, @PlatformFee,
                        @WithholdingTax, 'active', @Deadline, @Now, @PlatformFeeBps, @ProducerFeeBps, @Withholds, @TeamId,
                        @TeamMembersWithheld)
                """,
                new { Id = id, job.JobId, BidId = bid.Id, job.BusinessId, bid.WorkerId, ProducerId = producerId, bid.Amount, split.ProducerFee,
                      split.PlatformFee, split.WithholdingTax, Deadline = now.AddDays(bid.DeliveryDays), Now = now,
                      options.PlatformFeeBps, ProducerFeeBps = job.ProducerFeeBps ?? 0, Withholds = withholds, bid.TeamId,
                      TeamMembersWithheld = teamMembersWithheld });
            // Paid in milestones: they are part of the order, so they are written before its terms notice.
            var planned = milestones is null ? null : await MilestonePlan.AddAsync(db, await ContractMoney.ReadAsync(db, id), milestones, 0, now);
            // The terms notice, at once (Freelance Act art. 3 §1: 直ちに), before the payment is asked for.
            await Terms.WriteFirstAsync(db, id, contracts.Value, now);
            // Due in Payments:DueDays; unpaid past its lapse day, the award lapses and the job opens again (LapseUnpaidAward).
            if (planned is null)
                await Escrow.RequestPaymentAsync(db, id, split.PaidIn, payments, PaymentTerms.ForAward(paymentOptions.Value, now), now);
            else
            {
                // The first milestone's payment (or all of theirs) is the award's, with the same due and lapse days.
                await Escrow.RequestMilestonePaymentAsync(db, id, command.FundAllMilestones == true ? planned : planned.Take(1).ToList(), payments,
                    PaymentTerms.ForAward(paymentOptions.Value, now), now);
            }

            // Keyed by the contract: a job whose award lapsed unpaid is awarded again, and each award is told.
            await Notify.ToAsync(db, bid.WorkerId, NotificationKind.BidAwarded,
                $"Your bid on \"{job.Title}\" was accepted.", $"award:{id}", now, job.JobId, id);
            EventFeed.Record(db, EventTypes.ContractAwarded, now, ("jobId", job.JobId), ("bidId", bid.Id), ("contractId", id), ("workerId", bid.WorkerId));
            foreach (var (rejectedBid, worker) in await db.QueryAsync<(string, string)>(
                "SELECT id, worker_id FROM bids WHERE job_id = @JobId AND status = 'rejected'", new { job.JobId }))
            {
                await Notify.ToAsync(db, worker, NotificationKind.BidRejected,
                    $"Another bid was chosen for \"{job.Title}\".", $"reject:{id}:{rejectedBid}", now, job.JobId);
                EventFeed.Record(db, EventTypes.BidRejected, now, ("jobId", job.JobId), ("bidId", rejectedBid), ("workerId", worker));
            }

            // The bids are answered: their notices are read.
            await Notify.HandledOnJobAsync(db, NotificationKind.BidReceived, job.JobId, now);
            return await db.QuerySingleAsync<Contract>("SELECT c.* FROM contract_details c WHERE c.id = @Id", new { Id = id });
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/jobs/{id}/award", async (string id, Command command, IMediator mediator) =>
            {
                var contract = await mediator.Send(command with { JobId = id });
                return TypedResults.Created($"/api/contracts/{contract.Id}", contract);
            })
            .WithName("AwardJob").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
