using Marketplace.Invoices;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The other side accepts the proposed cancellation: the contract is cancelled, and one ledger posting pays the worker
/// its share (with the fees and withholding on that share) and refunds the rest of the escrow to the business.
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
            if (answered == 0) throw new ConflictException("The cancellation was answered already.", "cancellationAnswered");
            await Close(db, contract, ClosedBy.Cancellation, proposal.WorkerShare, options.Value.PaymentDays, invoices.Value, now,
                "Escrow settled on an agreed cancellation");
            foreach (var party in new[] { contract.BusinessId, contract.WorkerId })
                await Notify.ToAsync(db, party, NotificationKind.CancellationAccepted,
                    $"The cancellation of \"{contract.JobTitle}\" was agreed: the worker is paid {proposal.WorkerShare} yen and the rest is refunded.",
                    $"cancelled:{contract.Id}", now, contract.JobId, contract.Id);
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    /// <summary>
    /// Ends a contract with a share for the worker (an agreed cancellation or an administrator's decision): cancelled in
    /// one conditional UPDATE (a completed or cancelled contract is never settled), the job cancelled, the escrow settled
    /// once, and the payment date fixed when the worker is paid something.
    /// </summary>
    internal static async Task Close(DbSession db, Contract contract, ClosedBy how, long workerShare, int paymentDays, InvoiceOptions invoices, DateTimeOffset now,
        string description)
    {
        var closed = await db.ExecuteAsync(
            """
            UPDATE contracts SET status = 'cancelled', closed_by = @How, worker_share = @Share, inspection_ends_at = NULL
            WHERE id = @Id AND status NOT IN ('completed', 'cancelled')
            """, new { contract.Id, How = Wire.Name(how), Share = workerShare });
        if (closed == 0) throw new ConflictException("The contract is closed already.", "contractStatus");
        await db.ExecuteAsync("UPDATE jobs SET status = 'cancelled' WHERE id = @JobId AND status = 'awarded'", new { contract.JobId });
        var money = await Money.ContractMoney.ReadAsync(db, contract.Id);
        var settled = await Money.Escrow.SettleAsync(db, money, workerShare, description, now);
        if (workerShare > 0)
        {
            await PaymentDates.RecordDueAsync(db, contract.Id, paymentDays, now);
            // The worker's invoice, the fees' invoices and the withholding notice, for the share actually paid.
            await Documents.IssueOnReleaseAsync(db, money, contract.JobTitle, settled.Paid, invoices, now);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/cancellation/accept", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("AcceptCancellation").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
