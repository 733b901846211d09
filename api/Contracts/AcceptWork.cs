using MediatR;
using Marketplace.Invoices;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

public static class AcceptWork
{
    public sealed record Command(string ContractId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<InvoiceOptions> invoices)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            contract.RequireBusiness(caller, "accept the work");
            var now = clock.GetUtcNow();
            await ContractState.MoveAsync(db, contract, [ContractStatus.Submitted], ContractStatus.Completed,
                "Work can be accepted only when it has been submitted.", now);
            await db.ExecuteAsync(
                "UPDATE jobs SET status = 'completed' WHERE id = @JobId AND status = 'awarded'", new { contract.JobId });
            await Money.Escrow.ReleaseAsync(db, contract.Id, now);
            await Documents.IssueOnReleaseAsync(db, contract.Id, invoices.Value, now);
            // Told of the release: those it pays, the worker and the producer whose fee was fixed at award.
            var feeProducer = await db.ExecuteScalarAsync<string?>("SELECT producer_id FROM contracts WHERE id = @Id", new { contract.Id });
            await Notify.ToAsync(db, contract.WorkerId, NotificationKind.WorkAccepted,
                $"Your work on \"{contract.JobTitle}\" was accepted.", $"accepted:{contract.Id}", now, contract.JobId, contract.Id);
            foreach (var payee in new[] { contract.WorkerId, feeProducer }.OfType<string>())
                await Notify.ToAsync(db, payee, NotificationKind.PaymentReleased,
                    $"Payment for \"{contract.JobTitle}\" was released.", $"released:{contract.Id}", now, contract.JobId, contract.Id);
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/accept", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("AcceptWork").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
