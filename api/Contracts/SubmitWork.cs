using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Accounts;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Contracts;

public static class SubmitWork
{
    public sealed record Command : ICommand<ContractDetail>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
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

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, Microsoft.Extensions.Options.IOptions<ContractsOptions> options)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            contract.RequireWorker(caller, "submit work");
            await EmailConfirmation.RequireAsync(db, caller.Id, "deliver work");
            if (await MilestonePlan.CountAsync(db, contract.Id) > 0)
                throw new ConflictException("This contract is paid in milestones: deliver each milestone's work.", ConflictCode.ContractHasMilestones);
            if (contract.FundedAt is null)
                throw new ConflictException("The client's payment is not in escrow yet; start once it is funded.", ConflictCode.EscrowNotFunded);
            // With a producer review, the producer sees the work before the client does, but only while the job's
            // producer still acts for the business (contract_gates): work sent to a producer who has gone would wait
            // for a forward that can never come, with the money in escrow.
            var gate = await db.ExecuteScalarAsync<string?>(
                "SELECT g.producer_id FROM contract_gates g WHERE g.contract_id = @Id", new { contract.Id });
            var now = clock.GetUtcNow();
            // Work that reaches the business starts its inspection period; at a quality gate it starts when forwarded.
            // One conditional UPDATE: of two racing requests one moves the contract, and none while a hold is on it.
            var moved = await db.ExecuteAsync(
                """
                UPDATE contracts SET status = @To, inspection_ends_at = @InspectionEndsAt
                WHERE id = @Id AND status IN ('active', 'revisionRequested')
                  AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = contracts.id)
                """,
                new { contract.Id, To = WireName.Of(gate is null ? ContractStatus.Submitted : ContractStatus.InReview),
                      InspectionEndsAt = gate is null ? now.AddDays(options.Value.InspectionDays) : (DateTimeOffset?)null });
            if (moved == 0)
                await ContractState.RefuseAsync(db, contract, "Work can be submitted only while the contract is active or a revision was asked for.");
            // The platform received the work: the payment date's 60 days run from the first delivery (Freelance Act art. 4).
            await PaymentDates.RecordDeliveryAsync(db, contract.Id, now);
            var submissionId = TimeOrderedId.New();
            await db.ExecuteAsync(
                "INSERT INTO submissions (id, contract_id, message, links, created_at) VALUES (@Id, @ContractId, @Message, @Links, @Now)",
                new { Id = submissionId, ContractId = contract.Id, Message = command.Message.Trim(),
                      Links = JsonSerializer.Serialize(command.Links ?? []), Now = now });
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Submission, submissionId);
            // At a quality gate the producer reads it first; otherwise the business.
            var reviewer = gate ?? contract.BusinessId;
            await Notify.ToAsync(db, reviewer, NotificationKind.SubmissionToReview,
                $"Work was submitted for \"{contract.JobTitle}\".", $"submission:{submissionId}", now, contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.SubmissionSubmitted, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("submissionId", submissionId));
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/submissions", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id })))
            .WithName("SubmitWork").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
