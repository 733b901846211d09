using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Events;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// Either side of a contract paid in milestones proposes more milestones (more work, paid on its own): a change request
/// that raises the amount by their sum, answered by the other side through the change routes
/// (POST /api/change-requests/{id}/accept or /decline); accepted, the milestones join the contract unfunded, and the
/// business funds each as it comes. A contract paid at the end has its milestones agreed at award, not added later.
/// </summary>
public static class AddMilestones
{
    public sealed record Command : ICommand<ChangeRequest>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public IReadOnlyList<MilestonePlan.Item> Milestones { get; init; } = [];
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Milestones).NotEmpty().WithMessage("Name at least one milestone.")
                .MaxItems(MilestonePlan.MaxMilestones, "tooManyMilestones", $"At most {MilestonePlan.MaxMilestones} milestones.");
            RuleForEach(c => c.Milestones).SetValidator(new MilestonePlan.ItemValidator(clock));
            RuleFor(c => c.Reason).NotBlank("Reason is required.").PlainMultilineText().MaximumLength(2_000);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ChangeRequest>
    {
        public async Task<ChangeRequest> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            var side = await contract.SideOfAsync(db, caller, "propose milestones");
            var existing = await MilestonePlan.CountAsync(db, contract.Id);
            if (existing == 0)
                throw new ConflictException("This contract is paid at the end: its milestones are agreed at award.", ConflictCode.ContractHasMilestones);
            if (existing + command.Milestones.Count > MilestonePlan.MaxMilestones)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("milestones",
                    $"A contract has at most {MilestonePlan.MaxMilestones} milestones; it has {existing}.") { ErrorCode = "tooManyMilestones" }]);
            if (contract.Status != ContractStatus.Active)
                throw new ConflictException($"Milestones are added only while the work is in progress. The contract is {WireName.Of(contract.Status)}.",
                    ConflictCode.ContractStatus);
            if (await ContractState.OnHoldAsync(db, contract.Id))
                throw new ConflictException("A cancellation or a dispute holds the contract: its terms do not change now.", ConflictCode.ContractOnHold);
            var amount = contract.Amount + command.Milestones.Sum(m => m.Amount);
            if (amount > Jobs.JobRules.BudgetMaxYen)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("milestones",
                    $"The contract's amount would be more than {Jobs.JobRules.BudgetMaxYen} yen.") { ErrorCode = "lessThanOrEqual" }]);
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            // One pending change per contract: ux_change_requests_pending decides two racing proposals; the condition
            // refuses the second in the INSERT itself.
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO change_requests (id, contract_id, proposed_by, side, amount, reason, status, created_at, milestones)
                SELECT @Id, @ContractId, @Me, @Side, @Amount, @Reason, 'pending', @Now, @Milestones
                WHERE NOT EXISTS (SELECT 1 FROM change_requests r WHERE r.contract_id = @ContractId AND r.status = 'pending')
                """,
                new { Id = id, ContractId = contract.Id, Me = caller.Id, Side = WireName.Of(side), Amount = amount, Reason = command.Reason.Trim(), Now = now,
                      Milestones = JsonSerializer.Serialize(command.Milestones, StoredJson.Options) });
            if (inserted == 0)
                throw new ConflictException("A change request of this contract already waits for an answer.", ConflictCode.ChangePending);
            await Notify.ToAsync(db, side == Side.Worker ? contract.BusinessId : contract.WorkerId, NotificationKind.ChangeRequested,
                $"Milestones were proposed for \"{contract.JobTitle}\"; accept or decline them.", $"change:{id}", now, contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.ChangeProposed, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("changeRequestId", id));
            return (await ChangeRequest.ByIdAsync(db, id))!;
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/milestones", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id })))
            .WithName("AddMilestones").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
