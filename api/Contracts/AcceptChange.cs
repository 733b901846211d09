using MediatR;
using Marketplace.Money;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Contracts;

/// <summary>
/// The other side accepts a change: the contract takes the new date and amount (its split made again at the rates of
/// the award), a new terms version is written, and the escrow follows the amount: a raised amount asks the business for
/// the difference (the worker delivers once it is funded), a lowered one refunds the difference.
/// </summary>
public static class AcceptChange
{
    public sealed record Command(string ChangeRequestId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IPaymentProvider payments,
        Microsoft.Extensions.Options.IOptions<PaymentOptions> paymentOptions)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var (request, contract) = await ChangeRequest.ForAnswerAsync(db, caller, command.ChangeRequestId, "accept it");
            var now = clock.GetUtcNow();
            var answered = await db.ExecuteAsync(
                "UPDATE change_requests SET status = 'accepted', answered_by = @Me, answered_at = @Now WHERE id = @Id AND status = 'pending'",
                new { request.Id, Me = caller.Id, Now = now });
            if (answered == 0) throw new ConflictException("The change request was answered already.", ConflictCode.ChangeAnswered);

            var money = await ContractMoney.ReadAsync(db, contract.Id);
            var amount = request.Amount ?? money.Amount;
            var split = money.SplitOf(amount);
            // Only while the work is in progress and nothing holds the contract, decided in the UPDATE itself.
            var changed = await db.ExecuteAsync(
                """
                UPDATE contracts SET deadline = COALESCE(@DeliveryDate, deadline), amount = @Amount, producer_fee = @ProducerFee,
                                     platform_fee = @PlatformFee, withholding_tax = @WithholdingTax
                WHERE id = @Id AND status IN ('active', 'revisionRequested')
                  AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = contracts.id)
                """,
                new { contract.Id, request.DeliveryDate, split.Amount, split.ProducerFee, split.PlatformFee, split.WithholdingTax });
            if (changed == 0) await ContractState.RefuseAsync(db, contract, "The date or amount can change only while the work is in progress.");

            // Added milestones join unfunded: the business funds each as it comes (FundMilestone), not the escrow as a whole.
            // They are written first, so that the new terms version states them.
            if (request.Milestones is { Count: > 0 } added)
                await MilestonePlan.AddAsync(db, money, added, await MilestonePlan.CountAsync(db, contract.Id), now);
            await Terms.WriteChangedAsync(db, contract.Id, request.Id, now);
            if (request.Milestones is not { Count: > 0 } && amount != money.Amount)
            {
                await Escrow.AdjustAsync(db, contract.Id, request.Id, payments, paymentOptions.Value, now);
                if (amount > money.Amount && await db.ExecuteScalarAsync<DateTimeOffset?>("SELECT funded_at FROM contracts WHERE id = @Id", new { contract.Id }) is null)
                {
                    await Notify.ToAsync(db, contract.BusinessId, NotificationKind.PaymentRequested,
                        $"The amount of \"{contract.JobTitle}\" was raised: pay the difference into escrow.", $"topup:{request.Id}", now,
                        contract.JobId, contract.Id);
                    EventFeed.Record(db, EventTypes.PaymentRequested, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("changeRequestId", request.Id));
                }
            }
            await Notify.ToAsync(db, request.ProposedBy, NotificationKind.ChangeAccepted,
                $"Your change of \"{contract.JobTitle}\" was accepted.", $"change-accepted:{request.Id}", now, contract.JobId, contract.Id);
            EventFeed.Record(db, EventTypes.ChangeAccepted, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("changeRequestId", request.Id));
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/change-requests/{id}/accept", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("AcceptChange").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
