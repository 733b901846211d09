using MediatR;
using Marketplace.Invoices;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>The business accepts delivered work: the contract closes and its escrow is released (see <see cref="Closing"/>).</summary>
public static class AcceptWork
{
    public sealed record Command(string ContractId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<ContractsOptions> options,
        IOptions<InvoiceOptions> invoices)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            contract.RequireBusiness(caller, "accept the work");
            await Closing.CloseAsync(db, contract, new Outcome.Accepted(), options.Value, invoices.Value, clock.GetUtcNow());
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/accept", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("AcceptWork").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
