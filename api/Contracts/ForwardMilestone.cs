using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The job's producer passes a milestone's work through its quality gate to the business, as it forwards a contract's
/// (<see cref="ForwardSubmission"/>): the milestone's inspection period starts now.
/// </summary>
public static class ForwardMilestone
{
    public sealed record Command(string ContractId, string MilestoneId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<ContractsOptions> options)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            // Only the job's own producer runs its quality gate; another producer of the same business may not.
            if (contract.ProducerId != caller.Id) throw new ForbiddenException("Only the producer who runs this job's quality gate forwards its work.");
            var milestone = await Milestone.OfAsync(db, contract, command.MilestoneId);
            var now = clock.GetUtcNow();
            // One conditional UPDATE: of two racing forwards one moves the milestone, and none while a hold is on the contract.
            var moved = await db.ExecuteAsync(
                """
                UPDATE milestones SET status = 'submitted', inspection_ends_at = @InspectionEndsAt
                WHERE id = @Id AND status = 'inReview'
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = milestones.contract_id AND c.status = 'active')
                  AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = milestones.contract_id)
                """, new { milestone.Id, InspectionEndsAt = now.AddDays(options.Value.InspectionDays) });
            if (moved == 0) await Milestone.RefuseAsync(db, contract, milestone.Id, "Only a milestone's work in the producer's review can be forwarded.");
            var latest = await db.ExecuteScalarAsync<string>("SELECT MAX(id) FROM submissions WHERE milestone_id = @Id", new { milestone.Id });
            await Notify.ToAsync(db, contract.BusinessId, NotificationKind.SubmissionToReview,
                $"Checked work is ready for the milestone \"{milestone.Title}\" of \"{contract.JobTitle}\".", $"forwarded:{latest}", now,
                contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.SubmissionForwarded, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("submissionId", latest!));
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/milestones/{milestoneId}/forward", (string id, string milestoneId, IMediator mediator) =>
                mediator.Send(new Command(id, milestoneId)))
            .WithName("ForwardMilestone").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
