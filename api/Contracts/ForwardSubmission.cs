using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Contracts;

public static class ForwardSubmission
{
    public sealed record Command(string ContractId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, Microsoft.Extensions.Options.IOptions<ContractsOptions> options)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            // Only the job's own producer runs its quality gate; another producer of the same business may not.
            if (contract.ProducerId != caller.Id) throw new ForbiddenException("Only the producer who runs this job's quality gate forwards its work.");
            // The forwarded work reaches the business: its inspection period starts now.
            var moved = await db.ExecuteAsync(
                """
                UPDATE contracts SET status = 'submitted', inspection_ends_at = @InspectionEndsAt
                WHERE id = @Id AND status = 'inReview'
                  AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = contracts.id)
                """, new { contract.Id, InspectionEndsAt = clock.GetUtcNow().AddDays(options.Value.InspectionDays) });
            if (moved == 0) await ContractState.RefuseAsync(db, contract, "Only work in the producer's review can be forwarded.");
            var latest = await db.ExecuteScalarAsync<string>(
                "SELECT MAX(id) FROM submissions WHERE contract_id = @Id", new { contract.Id });
            await Notify.ToAsync(db, contract.BusinessId, NotificationKind.SubmissionToReview,
                $"Checked work is ready for \"{contract.JobTitle}\".", $"forwarded:{latest}", clock.GetUtcNow(), contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.SubmissionForwarded, clock.GetUtcNow(), ("jobId", contract.JobId), ("contractId", contract.Id), ("submissionId", latest!));
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/forward", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("ForwardSubmission").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
