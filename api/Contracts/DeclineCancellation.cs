using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>The other side declines the proposed cancellation: a dispute opens, and an administrator decides.</summary>
public static class DeclineCancellation
{
    public sealed record Command(string ContractId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            var proposal = await CancellationProposal.OpenForAnswerAsync(db, contract, caller, "decline it");
            var now = clock.GetUtcNow();
            var answered = await db.ExecuteAsync(
                "UPDATE cancellations SET status = 'declined', answered_by = @Me, answered_at = @Now WHERE id = @Id AND status = 'proposed'",
                new { proposal.Id, Me = caller.Id, Now = now });
            if (answered == 0) throw new ConflictException("The cancellation was answered already.", ConflictCode.CancellationAnswered);
            await CancellationProposal.OpenDisputeAsync(db, proposal.Id, now);
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/cancellation/decline", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("DeclineCancellation").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
