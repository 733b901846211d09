using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>
/// An administrator records a transfer the bank sent back (組戻し, e.g. a closed account or a wrong holder name): the
/// money is the worker's balance again, the account is held until the worker corrects it, and the worker is told.
/// </summary>
public static class RecordReturnedPayout
{
    public sealed record Command : ICommand<PayoutBatch>
    {
        [JsonIgnore] public string BatchId { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.WorkerId).NotBlank("The worker is required.").PlainText().MaximumLength(64);
            RuleFor(c => c.Reason).NotBlank("Say why the bank returned the transfer, so the worker can fix it.").PlainText().MaximumLength(500);
        }
    }

    private sealed class Paid
    {
        public string Id { get; init; } = "";
        public long Net { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, PayoutBatch>
    {
        public async Task<PayoutBatch> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "record returned transfers");
            _ = await mediator.Send(new GetPayoutBatch.Query(command.BatchId), ct); // 404 when there is no such batch
            var now = clock.GetUtcNow();
            var payout = await db.QuerySingleOrDefaultAsync<Paid>(
                "SELECT id, net FROM payouts WHERE batch_id = @BatchId AND worker_id = @WorkerId AND status = 'paid'",
                new { command.BatchId, command.WorkerId })
                ?? throw new ConflictException("Only a transfer of this batch that the bank has carried out can come back; mark the batch paid first.", ConflictCode.PayoutNotPaid);
            var returned = await db.ExecuteAsync(
                "UPDATE payouts SET status = 'returned', returned_reason = @Reason, returned_at = @Now WHERE id = @Id AND status = 'paid'",
                new { payout.Id, Reason = command.Reason.Trim(), Now = now });
            if (returned == 0) throw new ConflictException("This transfer is already recorded as returned.", ConflictCode.PayoutReturned);
            await Payout.ReturnedAsync(db, payout.Id, command.WorkerId, payout.Net, now);
            await db.ExecuteAsync("UPDATE bank_accounts SET held_reason = @Reason WHERE worker_id = @WorkerId",
                new { Reason = command.Reason.Trim(), command.WorkerId });
            await Notify.ToAsync(db, command.WorkerId, NotificationKind.PayoutReturned,
                $"Your bank returned the transfer of ¥{payout.Net:N0} ({command.Reason.Trim()}). Check your bank account details; the money is in your balance again.",
                $"payout-return:{payout.Id}", now);
            var batch = await mediator.Send(new GetPayoutBatch.Query(command.BatchId), ct);
            await Audit.RecordAsync(db, caller, AuditAction.RecordReturnedPayout, payout.Id,
                new { command.BatchId, command.WorkerId, payout.Net, Reason = command.Reason.Trim() }, now);
            return batch;
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapPost("/admin/payout-batches/{id}/returned", (string id, Command command, IMediator mediator) =>
                mediator.Send(command with { BatchId = id }))
            .WithName("RecordReturnedPayout").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
