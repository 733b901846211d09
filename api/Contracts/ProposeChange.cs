using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Contracts;

/// <summary>
/// <c>POST /api/contracts/{id}/change-requests</c> {deliveryDate?, amount?, reason}: either side proposes a new delivery
/// date or amount while the work is in progress (active, or a revision asked for); the other side accepts or declines.
/// One request is pending at a time per contract (a unique index decides).
/// </summary>
public static class ProposeChange
{
    public sealed record Command : ICommand<ChangeRequest>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public DateTimeOffset? DeliveryDate { get; init; }
        public long? Amount { get; init; }
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Amount).NotNull().When(c => c.DeliveryDate is null)
                .WithMessage("Name a new delivery date or a new amount.").WithErrorCode("changeRequired");
            RuleFor(c => c.Amount).InclusiveBetween(Jobs.JobRules.BudgetMinYen, Jobs.JobRules.BudgetMaxYen).When(c => c.Amount is not null);
            RuleFor(c => c.DeliveryDate)
                .Must(d => d > clock.GetUtcNow()).WithMessage("The delivery date must be in the future.").WithErrorCode("deadlineInPast")
                .Must(d => d <= clock.GetUtcNow().AddYears(1)).WithMessage("The delivery date must be within a year.").WithErrorCode("deadlineTooFar")
                .When(c => c.DeliveryDate is not null);
            RuleFor(c => c.Reason).NotBlank("Reason is required.").PlainMultilineText().MaximumLength(2_000);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ChangeRequest>
    {
        public async Task<ChangeRequest> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            var side = await contract.SideOfAsync(db, caller, "propose a change");
            if (contract.Status is not (ContractStatus.Active or ContractStatus.RevisionRequested))
                throw new ConflictException(
                    $"The date or amount can change only while the work is in progress. The contract is {WireName.Of(contract.Status)}.", ConflictCode.ContractStatus);
            // A milestone contract's escrow is funded milestone by milestone: its amount grows only by added milestones.
            if (command.Amount is not null && command.Amount != contract.Amount && await MilestonePlan.CountAsync(db, contract.Id) > 0)
                throw new ConflictException("This contract is paid in milestones: add milestones to change its amount.", ConflictCode.ContractHasMilestones);
            if (await ContractState.OnHoldAsync(db, contract.Id))
                throw new ConflictException("A cancellation or a dispute holds the contract: its terms do not change now.", ConflictCode.ContractOnHold);
            if ((command.Amount is null || command.Amount == contract.Amount) && (command.DeliveryDate is null || command.DeliveryDate == contract.Deadline))
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("amount", "The request changes nothing.") { ErrorCode = "noChange" }]);
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM change_requests r WHERE r.contract_id = @Id AND r.status = 'pending'",
                    new { contract.Id }) > 0)
                throw new ConflictException("A change request of this contract already waits for an answer.", ConflictCode.ChangePending);
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO change_requests (id, contract_id, proposed_by, side, delivery_date, amount, reason, status, created_at)
                VALUES (@Id, @ContractId, @Me, @Side, @DeliveryDate, @Amount, @Reason, 'pending', @Now)
                """,
                new { Id = id, ContractId = contract.Id, Me = caller.Id, Side = WireName.Of(side), command.DeliveryDate, command.Amount,
                      Reason = command.Reason.Trim(), Now = now });
            await Notify.ToAsync(db, side == Side.Worker ? contract.BusinessId : contract.WorkerId, NotificationKind.ChangeRequested,
                $"A change of \"{contract.JobTitle}\" was proposed; accept or decline it.", $"change:{id}", now, contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.ChangeProposed, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("changeRequestId", id));
            return (await ChangeRequest.ByIdAsync(db, id))!;
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/change-requests", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id })))
            .WithName("ProposeChange").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
