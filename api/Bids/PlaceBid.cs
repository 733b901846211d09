using FluentValidation;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Accounts;
using Marketplace.Platform;
using System.Text.Json.Serialization;
using Marketplace.Events;

namespace Marketplace.Bids;

public static class PlaceBid
{
    public sealed record Command : ICommand<Bid>
    {
        [JsonIgnore] public string JobId { get; init; } = "";
        public long Amount { get; init; }
        public int DeliveryDays { get; init; }
        public string Message { get; init; } = "";
        /// <summary>A team bid (issue 23): the team the caller, its director or a leader, bids for; null for one's own bid.</summary>
        public string? TeamId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).InclusiveBetween(JobRules.BudgetMinYen, JobRules.BudgetMaxYen);
            RuleFor(c => c.DeliveryDays).InclusiveBetween(1, 365);
            RuleFor(c => c.Message).NotBlank("Message is required.").PlainMultilineText().MaximumLength(5_000);
            RuleFor(c => c.TeamId).PlainText().MaximumLength(64);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IConfiguration configuration) : IRequestHandler<Command, Bid>
    {
        public async Task<Bid> Handle(Command command, CancellationToken ct)
        {
            // A team bids through its director or a leader, a producer directing a team too; anyone else bids as a worker.
            if (command.TeamId is { } teamId) await Teams.Teams.RequireRunnerAsync(db, teamId, caller.Id, "bid for the team");
            else caller.Require(Role.Worker, "bid on a job");
            await EmailConfirmation.RequireAsync(db, caller.Id, "bid on a job");
            // A contest takes entries (POST /api/contests/{id}/entries), never bids; a job's format never changes.
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs j WHERE j.id = @JobId AND j.format = 'contest'", new { command.JobId }) > 0)
                throw new ConflictException("A contest takes entries, not bids.", ConflictCode.NotAProject);
            var id = TimeOrderedId.New();
            var now = clock.GetUtcNow();
            int inserted;
            try
            {
                // The job's state and the bidder's standing are one statement with the insert: a job closed a moment ago gets
                // no new bid, and a beginner job none from a worker whose third contract was accepted a moment ago (issue 29).
                inserted = await db.ExecuteAsync(
                    """
                    INSERT INTO bids (id, job_id, worker_id, team_id, amount, delivery_days, message, status, created_at)
                    SELECT @Id, j.id, @WorkerId, @TeamId, @Amount, @DeliveryDays, @Message, 'pending', @Now
                    FROM jobs j WHERE j.id = @JobId AND j.status = 'open' AND j.format = 'project'
                      AND (j.beginners = FALSE
                           OR (SELECT COUNT(*) FROM contracts c WHERE c.worker_id = @WorkerId AND c.status = 'completed') < @BeginnerLimit
                           OR EXISTS (SELECT 1 FROM worker_badges wb WHERE wb.worker_id = @WorkerId AND wb.badge_id = j.beginner_badge_id))
                      AND (j.nda = 'none' OR EXISTS (SELECT 1 FROM nda_acceptances n WHERE n.job_id = j.id AND n.worker_id = @WorkerId))
                      AND (j.verified_only = FALSE OR EXISTS (SELECT 1 FROM verified_workers v WHERE v.worker_id = @WorkerId))
                    """,
                    new { Id = id, command.JobId, WorkerId = caller.Id, command.TeamId, command.Amount, command.DeliveryDays,
                          Message = command.Message.Trim(), Now = now, BeginnerLimit = BeginnerContractLimit(configuration) });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException(command.TeamId is null
                    ? "You already have a pending bid on this job; withdraw it to bid again."
                    : "You or your team already have a pending bid on this job; withdraw it to bid again.", ConflictCode.BidExists);
            }
            if (inserted == 0)
            {
                var job = await db.QuerySingleOrDefaultAsync<JobGate>("SELECT j.status, j.beginners FROM jobs j WHERE j.id = @JobId", new { command.JobId })
                    ?? throw new NotFoundException("No such job.");
                if (job.Status != "open") throw new ConflictException("The job is no longer open for bids.", ConflictCode.JobNotOpen);
                // A task job's items are taken, a contest's entries submitted: neither takes bids.
                if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs j WHERE j.id = @JobId AND j.format <> 'project'", new { command.JobId }) > 0)
                    throw new ConflictException("This job takes no bids: it is worked in another format.", ConflictCode.JobNotOpen);
                if (await Ndas.NdaGate.RefusalAsync(db, command.JobId, caller.Id) is { } refusal) throw refusal;
                if (await db.ExecuteScalarAsync<long>(
                        "SELECT COUNT(*) FROM jobs j WHERE j.id = @JobId AND j.verified_only = TRUE AND NOT EXISTS (SELECT 1 FROM verified_workers v WHERE v.worker_id = @Me)",
                        new { command.JobId, Me = caller.Id }) > 0)
                    throw new ProblemException(403, "Identity check required.", "This job is for workers whose identity is verified.", Ndas.NdaGate.IdentityNotVerified);
                throw new ProblemException(403, "For beginners only.",
                    $"This beginner job takes bids from workers with fewer than {BeginnerContractLimit(configuration)} accepted contracts, or holding the badge it names.",
                    "beginnersOnly");
            }
            var bid = (await Teams.BidTeam.OnAsync(db, [await db.QuerySingleAsync<Bid>("SELECT b.* FROM bid_details b WHERE b.id = @Id", new { Id = id })]))[0];
            EventFeed.Record(db, EventTypes.BidPlaced, now, ("jobId", command.JobId), ("bidId", id), ("workerId", caller.Id));
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

    /// <summary>
    /// Fewer accepted contracts than this make a worker a beginner (issue 29: default 3; <c>Jobs:BeginnerContractLimit</c>).
    /// An accepted contract is one whose work the business accepted (status completed, by acceptance or by lapse).
    /// </summary>
    public static int BeginnerContractLimit(IConfiguration configuration) => configuration.GetValue("Jobs:BeginnerContractLimit", 3);

    private sealed class JobGate
    {
        public string Status { get; init; } = "";
        public bool Beginners { get; init; }
    }

    public static void Map(IEndpointRouteBuilder bids) =>
        bids.MapPost("/jobs/{id}/bids", async (string id, Command command, IMediator mediator) =>
            {
                var bid = await mediator.Send(command with { JobId = id });
                return TypedResults.Created($"/api/jobs/{id}/bids", bid);
            })
            .WithName("PlaceBid").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
