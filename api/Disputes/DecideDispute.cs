using Marketplace.Invoices;
using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Disputes;

/// <summary>
/// <c>POST /api/disputes/{id}/decide</c> {workerShare, reason}: an administrator ends the contract, paying the worker
/// <c>workerShare</c> yen of the amount and refunding the rest, in the same posting an agreed cancellation makes. The
/// decision is written on the contract and the dispute, recorded in the audit trail and told to both parties; a
/// decided dispute is final (a conditional UPDATE decides once), and the escrow is released once (its event key).
/// Both sides are heard first: the same UPDATE decides only once each side has given a statement or the dispute's
/// statement days have passed (409 awaitingStatements before), so a statement committed a moment earlier is read.
/// </summary>
public static class DecideDispute
{
    public sealed record Command : ICommand<DisputeDetail>
    {
        [JsonIgnore] public string DisputeId { get; init; } = "";
        public long WorkerShare { get; init; }
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.WorkerShare).GreaterThanOrEqualTo(0);
            RuleFor(c => c.Reason).NotBlank("Reason is required.").PlainMultilineText().MaximumLength(5_000);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<ContractsOptions> options,
        IOptions<InvoiceOptions> invoices)
        : IRequestHandler<Command, DisputeDetail>
    {
        public async Task<DisputeDetail> Handle(Command command, CancellationToken ct)
        {
            var dispute = await Dispute.VisibleAsync(db, caller, command.DisputeId);
            await caller.RequireAdministratorAsync(db, "decide disputes");
            if (command.WorkerShare > dispute.Amount)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("workerShare",
                    $"The worker's share can be at most the amount, {dispute.Amount} yen.") { ErrorCode = "atMost" }]);
            var now = clock.GetUtcNow();
            var decided = await db.ExecuteAsync(
                """
                UPDATE disputes SET status = 'decided', decided_by = @Me, decided_at = @Now, worker_share = @Share, decision_reason = @Reason
                WHERE id = @Id AND status = 'open'
                  AND (statements_due_at <= @Now
                       OR (EXISTS (SELECT 1 FROM dispute_statements s WHERE s.dispute_id = @Id AND s.side = 'business')
                           AND EXISTS (SELECT 1 FROM dispute_statements s WHERE s.dispute_id = @Id AND s.side = 'worker')))
                """, new { dispute.Id, Me = caller.Id, Now = now, Share = command.WorkerShare, Reason = command.Reason.Trim() });
            if (decided == 0)
            {
                if (await db.ExecuteScalarAsync<string>("SELECT status FROM disputes WHERE id = @Id", new { dispute.Id }) == "open")
                    throw new ConflictException(
                        $"Both parties are heard first: a decision waits for each side's statement until {dispute.StatementsDueAt:u}.", ConflictCode.AwaitingStatements);
                throw new ConflictException("The dispute was decided already; a decision is final.", ConflictCode.DisputeDecided);
            }
            var contract = await db.QuerySingleAsync<Contract>("SELECT c.* FROM contract_details c WHERE c.id = @Id", new { Id = dispute.ContractId });
            var closed = await Closing.CloseAsync(db, contract, new Outcome.Decided(command.WorkerShare, dispute.Id), options.Value, invoices.Value, now);
            await Audit.RecordAsync(db, caller, AuditAction.DecideDispute, dispute.Id,
                new { contractId = contract.Id, workerShare = command.WorkerShare, refund = closed!.Refund }, now);
            return await mediator.Send(new GetDispute.Query(dispute.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/disputes/{id}/decide", (string id, Command command, IMediator mediator) => mediator.Send(command with { DisputeId = id }))
            .WithName("DecideDispute").PersonOnly().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
