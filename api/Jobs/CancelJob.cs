using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

/// <summary>The job's business withdraws it; an awarded job's escrow goes back in full.</summary>
public static class CancelJob
{
    public sealed record Command(string Id) : ICommand<Job>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Job>
    {
        public async Task<Job> Handle(Command command, CancellationToken ct)
        {
            var job = await mediator.Send(new GetJob.Query(command.Id), ct);
            if (job.BusinessId != caller.Id) throw new ForbiddenException("Only the job's business may cancel it.");
            // A task job's escrow is paid out by its own close (TaskJobs/TaskJobClosing.cs), which withdrawing would pass by.
            if (job.Format == JobFormat.Task) throw new ConflictException("A task job closes by its own rules; it is not withdrawn.", ConflictCode.JobNotOpen);
            // A contest ends by its own rules (the winner's choice, or the refund below its minimum at the deadline):
            // its entrants worked on the promise of its prize (docs/formats.md, "Contests").
            if (job.Format == JobFormat.Contest)
                throw new ConflictException("A contest is not withdrawn: it ends with its winner, or refunded at its deadline below its minimum.",
                    ConflictCode.NotAProject);

            // Open jobs can always be cancelled. Once awarded, only while the worker has delivered nothing:
            // after a submission the business accepts or asks for a revision, so delivered work is never dropped.
            var cancelled = await db.ExecuteAsync(
                """
                UPDATE jobs SET status = 'cancelled'
                WHERE id = @Id AND (status = 'open' OR (status = 'awarded' AND EXISTS (
                    SELECT 1 FROM contracts c WHERE c.job_id = jobs.id AND c.status = 'active'
                    AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.contract_id = c.id)
                    -- A proposed cancellation or a dispute decides how the contract ends, not withdrawing the job.
                    AND NOT EXISTS (SELECT 1 FROM cancellations x WHERE x.contract_id = c.id AND x.status = 'proposed')
                    AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.contract_id = c.id))))
                """, new { command.Id });
            if (cancelled == 0)
                throw new ConflictException($"A {WireName.Of(job.Status)} job whose work was delivered cannot be cancelled.", ConflictCode.JobDelivered);
            await db.ExecuteAsync("UPDATE bids SET status = 'rejected' WHERE job_id = @Id AND status = 'pending'", new { command.Id });
            var contractId = await db.ExecuteScalarAsync<string?>(
                "SELECT id FROM contracts WHERE job_id = @Id AND status = 'active'", new { command.Id });
            if (contractId is not null)
            {
                await db.ExecuteAsync("UPDATE contracts SET status = 'cancelled', closed_by = 'jobCancelled' WHERE id = @Id", new { Id = contractId });
                await Money.Escrow.RefundAsync(db, contractId, clock.GetUtcNow());
                await Contracts.MilestonePlan.EndAsync(db, contractId);
            }
            return await mediator.Send(new GetJob.Query(command.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapPost("/jobs/{id}/cancel", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("CancelJob").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
