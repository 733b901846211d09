using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Events;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>The business asks for a revision of a milestone's delivered work: its inspection clock stops until the next submission.</summary>
public static class RequestMilestoneRevision
{
    public sealed record Command : ICommand<ContractDetail>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        [JsonIgnore] public string MilestoneId { get; init; } = "";
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
            // At its quality gate the job's own producer asks for the revision of work in its review, as for a contract's.
            var atGate = contract.ProducerReview && contract.ProducerId == caller.Id;
            if (!atGate) contract.RequireBusiness(caller, "ask for a revision");
            var milestone = await Milestone.OfAsync(db, contract, command.MilestoneId);
            var now = clock.GetUtcNow();
            var moved = await db.ExecuteAsync(
                """
                UPDATE milestones SET status = 'revisionRequested', inspection_ends_at = NULL
                WHERE id = @Id AND status = @From
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = milestones.contract_id AND c.status = 'active')
                  AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = milestones.contract_id)
                """, new { milestone.Id, From = WireName.Of(atGate ? MilestoneStatus.InReview : MilestoneStatus.Submitted) });
            if (moved == 0) await Milestone.RefuseAsync(db, contract, milestone.Id, "A revision can be asked for only after a submission.");
            var revisionId = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO revision_requests (id, contract_id, milestone_id, requested_by, reason, created_at)
                VALUES (@Id, @ContractId, @MilestoneId, @Me, @Reason, @Now)
                """,
                new { Id = revisionId, ContractId = contract.Id, MilestoneId = milestone.Id, Me = caller.Id, Reason = command.Reason.Trim(), Now = now });
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Revision, revisionId);
            await Notify.ToAsync(db, contract.WorkerId, NotificationKind.RevisionRequested,
                $"A revision of the milestone \"{milestone.Title}\" of \"{contract.JobTitle}\" was asked for.", $"revision:{revisionId}", now,
                contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.RevisionRequested, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("revisionId", revisionId));
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/milestones/{milestoneId}/revisions", (string id, string milestoneId, Command command, IMediator mediator) =>
                mediator.Send(command with { ContractId = id, MilestoneId = milestoneId }))
            .WithName("RequestMilestoneRevision").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
