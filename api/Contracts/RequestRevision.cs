using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Contracts;

public static class RequestRevision
{
    public sealed record Command : ICommand<ContractDetail>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public string Reason { get; init; } = "";
        /// <summary>Files with the request, such as a marked-up draft.</summary>
        public IReadOnlyList<string>? FileIds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotBlank("Reason is required.").PlainMultilineText().MaximumLength(5_000);
            this.FileIdsRule(c => c.FileIds);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            // The quality gate is the job's own producer's (while its link is active: ForPartyAsync found it a party);
            // another producer of the same business is no reviewer of this work.
            var atGate = contract.ProducerReview && contract.ProducerId == caller.Id;
            if (!atGate) contract.RequireBusiness(caller, "ask for a revision");
            // Asking for a revision answers the delivery: the inspection clock stops until the next submission. One
            // conditional UPDATE: of two racing requests one moves the contract, and none while a hold is on it.
            var moved = await db.ExecuteAsync(
                """
                UPDATE contracts SET status = 'revisionRequested', inspection_ends_at = NULL
                WHERE id = @Id AND status = @From
                  AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = contracts.id)
                """, new { contract.Id, From = WireName.Of(atGate ? ContractStatus.InReview : ContractStatus.Submitted) });
            if (moved == 0)
                await ContractState.RefuseAsync(db, contract,
                    atGate ? "A producer asks for a revision while the work is in its review." : "A revision can be asked for only after a submission.");
            var revisionId = TimeOrderedId.New();
            await db.ExecuteAsync(
                "INSERT INTO revision_requests (id, contract_id, requested_by, reason, created_at) VALUES (@Id, @ContractId, @Me, @Reason, @Now)",
                new { Id = revisionId, ContractId = contract.Id, Me = caller.Id, Reason = command.Reason.Trim(), Now = clock.GetUtcNow() });
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Revision, revisionId);
            // The delivery is answered: its notices are read.
            await Notify.HandledOnContractAsync(db, NotificationKind.SubmissionToReview, contract.Id, clock.GetUtcNow());
            await Notify.ToAsync(db, contract.WorkerId, NotificationKind.RevisionRequested,
                $"A revision was asked for \"{contract.JobTitle}\".", $"revision:{revisionId}", clock.GetUtcNow(), contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.RevisionRequested, clock.GetUtcNow(), ("jobId", contract.JobId), ("contractId", contract.Id), ("revisionId", revisionId));
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/request-revision", (string id, Command command, IMediator mediator) =>
                mediator.Send(command with { ContractId = id }))
            .WithName("RequestRevision").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
