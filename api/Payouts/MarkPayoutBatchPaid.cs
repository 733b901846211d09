using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>
/// An administrator records that the bank carried out a batch: each transfer leaves the operator's account in the
/// ledger and each worker is told. A batch is marked paid once; the conditional update decides.
/// </summary>
public static class MarkPayoutBatchPaid
{
    public sealed record Command : ICommand<PayoutBatch>
    {
        [JsonIgnore] public string BatchId { get; init; } = "";
        /// <summary>The day the bank transferred.</summary>
        public DateOnly PaidOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock) =>
            RuleFor(c => c.PaidOn).NotEmpty().Must(day => day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
                .WithMessage("The payment date cannot be in the future.").WithErrorCode("paidOnInFuture");
    }

    private sealed class Pending
    {
        public string Id { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public long Net { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, PayoutBatch>
    {
        public async Task<PayoutBatch> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "mark payouts paid");
            var now = clock.GetUtcNow();
            var marked = await db.ExecuteAsync(
                "UPDATE payout_batches SET status = 'paid', paid_on = @PaidOn, paid_at = @Now WHERE id = @Id AND status = 'gathered'",
                new { Id = command.BatchId, command.PaidOn, Now = now });
            if (marked == 0)
            {
                _ = await mediator.Send(new GetPayoutBatch.Query(command.BatchId), ct); // 404 when there is no such batch
                throw new ConflictException("This batch is already marked paid.", ConflictCode.BatchPaid);
            }
            var payouts = await db.QueryAsync<Pending>("SELECT id, worker_id, net FROM payouts WHERE batch_id = @Id AND status = 'pending'",
                new { Id = command.BatchId });
            await db.ExecuteAsync("UPDATE payouts SET status = 'paid' WHERE batch_id = @Id AND status = 'pending'", new { Id = command.BatchId });
            foreach (var payout in payouts)
            {
                await Payout.TransferredAsync(db, payout.Id, payout.Net, now);
                await Notify.ToAsync(db, payout.WorkerId, NotificationKind.PayoutPaid, $"¥{payout.Net:N0} was transferred to your bank account on {command.PaidOn:yyyy-MM-dd}.",
                    $"payout-paid:{payout.Id}", now);
            }
            var batch = await mediator.Send(new GetPayoutBatch.Query(command.BatchId), ct);
            await Audit.RecordAsync(db, caller, AuditAction.MarkPayoutBatchPaid, command.BatchId, new { batch.PaidOn, batch.Count, batch.TotalNet }, now);
            return batch;
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapPost("/admin/payout-batches/{id}/paid", (string id, Command command, IMediator mediator) =>
                mediator.Send(command with { BatchId = id }))
            .WithName("MarkPayoutBatchPaid").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
