using MediatR;
using Marketplace.Invoices;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The business accepts a milestone's delivered work: that milestone is released on its own (see
/// <see cref="Closing.ReleaseMilestoneAsync"/>); the last one accepted completes the contract.
/// </summary>
public static class AcceptMilestone
{
    public sealed record Command(string ContractId, string MilestoneId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<ContractsOptions> options,
        IOptions<InvoiceOptions> invoices) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            contract.RequireBusiness(caller, "accept a milestone");
            var milestone = await Milestone.OfAsync(db, contract, command.MilestoneId);
            await Closing.ReleaseMilestoneAsync(db, contract, milestone.Id, lapsed: false, options.Value, invoices.Value, clock.GetUtcNow());
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/milestones/{milestoneId}/accept", (string id, string milestoneId, IMediator mediator) =>
                mediator.Send(new Command(id, milestoneId)))
            .WithName("AcceptMilestone").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
