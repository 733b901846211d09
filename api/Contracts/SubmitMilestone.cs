using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Events;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The worker delivers a funded milestone (or its revision): its inspection period starts, and its first delivery fixes
/// the day its payment date's 60 days run from (Freelance Act art. 4). On a job with a producer's review the work goes to
/// the producer first, as a contract's delivery does (<see cref="SubmitWork"/>), and its inspection period starts when
/// the producer forwards it (<see cref="ForwardMilestone"/>); the platform received it now all the same.
/// </summary>
public static class SubmitMilestone
{
    public sealed record Command : ICommand<ContractDetail>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        [JsonIgnore] public string MilestoneId { get; init; } = "";
        public string Message { get; init; } = "";
        public IReadOnlyList<string>? Links { get; init; }
        /// <summary>Files delivered with the submission (uploaded first with POST /api/files).</summary>
        public IReadOnlyList<string>? FileIds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Message).NotBlank("Message is required.").PlainMultilineText().MaximumLength(10_000);
            RuleFor(c => c.Links).MaxItems(10, "tooManyLinks", "At most 10 links.");
            RuleForEach(c => c.Links).NotEmpty().PlainText().MaximumLength(2_000)
                .Must(l => Uri.TryCreate(l, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                .WithMessage("Each link must be an http or https address.").WithErrorCode("linkNotHttp");
            this.FileIdsRule(c => c.FileIds);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<ContractsOptions> options)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            contract.RequireWorker(caller, "deliver a milestone");
            await EmailConfirmation.RequireAsync(db, caller.Id, "deliver work");
            var milestone = await Milestone.OfAsync(db, contract, command.MilestoneId);
            if (milestone.Status == MilestoneStatus.Unfunded)
                throw new ConflictException("The client's payment for this milestone is not in escrow yet; start once it is funded.", ConflictCode.EscrowNotFunded);
            // The producer's gate, only while the job's producer still acts for the business (contract_gates), as SubmitWork reads it.
            var gate = await db.ExecuteScalarAsync<string?>(
                "SELECT g.producer_id FROM contract_gates g WHERE g.contract_id = @Id", new { contract.Id });
            var now = clock.GetUtcNow();
            // One conditional UPDATE: of two racing requests one moves the milestone, and none while a hold is on the contract.
            var moved = await db.ExecuteAsync(
                """
                UPDATE milestones SET status = @To, inspection_ends_at = @InspectionEndsAt,
                       latest_payment_on = CASE WHEN delivered_at IS NULL THEN @Latest ELSE latest_payment_on END,
                       delivered_at = COALESCE(delivered_at, @Now)
                WHERE id = @Id AND status IN ('funded', 'revisionRequested')
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = milestones.contract_id AND c.status = 'active')
                  AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = milestones.contract_id)
                """,
                new { milestone.Id, Now = now, To = WireName.Of(gate is null ? MilestoneStatus.Submitted : MilestoneStatus.InReview),
                      InspectionEndsAt = gate is null ? now.AddDays(options.Value.InspectionDays) : (DateTimeOffset?)null,
                      Latest = PaymentDates.LatestAllowed(now) });
            if (moved == 0)
                await Milestone.RefuseAsync(db, contract, milestone.Id, "A milestone's work can be submitted only once it is funded or a revision was asked for.");
            var submissionId = TimeOrderedId.New();
            await db.ExecuteAsync(
                "INSERT INTO submissions (id, contract_id, milestone_id, message, links, created_at) VALUES (@Id, @ContractId, @MilestoneId, @Message, @Links, @Now)",
                new { Id = submissionId, ContractId = contract.Id, MilestoneId = milestone.Id, Message = command.Message.Trim(),
                      Links = JsonSerializer.Serialize(command.Links ?? []), Now = now });
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Submission, submissionId);
            // At a quality gate the producer reads it first; otherwise the business.
            await Notify.ToAsync(db, gate ?? contract.BusinessId, NotificationKind.SubmissionToReview,
                $"Work was submitted for the milestone \"{milestone.Title}\" of \"{contract.JobTitle}\".", $"submission:{submissionId}", now,
                contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.MilestoneSubmitted, now, ("jobId", contract.JobId), ("contractId", contract.Id),
                ("milestoneId", milestone.Id), ("submissionId", submissionId));
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/milestones/{milestoneId}/submissions", async (string id, string milestoneId, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id, MilestoneId = milestoneId })))
            .WithName("SubmitMilestone").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
