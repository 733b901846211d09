using System.Text.Json.Serialization;
using MediatR;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The business (or its producer) asks to fund the next milestone (Upwork's and CrowdWorks' "fund the next before the
/// worker starts it"): a payment into the contract's escrow for that milestone, confirmed by an administrator as any
/// escrow payment (GET /api/contracts/{id}/payment-request shows its transfer details). The worker starts it once funded.
/// </summary>
public static class FundMilestone
{
    public sealed record Command : ICommand<ContractDetail>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        [JsonIgnore] public string MilestoneId { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IPaymentProvider payments,
        IOptions<PaymentOptions> paymentOptions) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            if (await contract.SideOfAsync(db, caller, "fund a milestone") != Side.Business)
                throw new ForbiddenException("Only the contract's business or its producer may fund a milestone.");
            var milestone = await Milestone.OfAsync(db, contract, command.MilestoneId);
            if (contract.IsClosed || await ContractState.OnHoldAsync(db, contract.Id))
                await ContractState.RefuseAsync(db, contract, "A milestone is funded only while the contract is in progress.");
            if (milestone.Status != MilestoneStatus.Unfunded)
                throw new ConflictException($"Only an unfunded milestone is funded. The milestone is {WireName.Of(milestone.Status)}.", ConflictCode.MilestoneStatus);
            // The INSERT and the UPDATE of the step decide a racing second request (one pending payment per contract).
            await Escrow.RequestMilestonePaymentAsync(db, contract.Id, [milestone.Id], payments,
                PaymentTerms.ForTopUp(paymentOptions.Value, clock.GetUtcNow()), clock.GetUtcNow());
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/milestones/{milestoneId}/fund", (string id, string milestoneId, IMediator mediator) =>
                mediator.Send(new Command { ContractId = id, MilestoneId = milestoneId }))
            .WithName("FundMilestone").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
