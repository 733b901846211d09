using Marketplace.Invoices;
using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The other side accepts the proposed cancellation: the contract closes (see <see cref="Closing"/>), one ledger
/// posting paying the worker its share (with the fees and withholding on that share) and refunding the rest of the
/// escrow to the business.
/// </summary>
public static class AcceptCancellation
{
    public sealed record Command(string ContractId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<ContractsOptions> options,
        IOptions<InvoiceOptions> invoices)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            var proposal = await CancellationProposal.OpenForAnswerAsync(db, contract, caller, "accept it");
            var now = clock.GetUtcNow();
            // The proposal is answered once: of two racing answers (or an answer racing the clock) one moves it.
            var answered = await db.ExecuteAsync(
                "UPDATE cancellations SET status = 'accepted', answered_by = @Me, answered_at = @Now WHERE id = @Id AND status = 'proposed'",
                new { proposal.Id, Me = caller.Id, Now = now });
            if (answered == 0) throw new ConflictException("The cancellation was answered already.", ConflictCode.CancellationAnswered);
            await Closing.CloseAsync(db, contract, new Outcome.Cancelled(proposal.WorkerShare), options.Value, invoices.Value, now);
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/cancellation/accept", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("AcceptCancellation").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
