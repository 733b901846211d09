using Marketplace.Invoices;
using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// Delivered work that the business leaves unanswered for the whole inspection period counts as accepted: the same
/// release and notices as an acceptance, recorded as closed by lapse. Sent for each due contract by
/// <see cref="DealClock"/>; the conditional UPDATE lets exactly one run move a contract, however many API instances
/// send it at once (the losers change nothing and answer false).
/// </summary>
public static class AcceptByLapse
{
    /// <summary>The answer says whether this command accepted the contract.</summary>
    public sealed record Command(string ContractId) : ICommand<bool>;

    /// <summary>Work whose inspection period has ended, not on hold, on ix_contracts_inspection (status, inspection_ends_at).</summary>
    internal const string DueSql = """
        SELECT c.id FROM contracts c
        WHERE c.status = 'submitted' AND c.inspection_ends_at <= @Now
          AND NOT EXISTS (SELECT 1 FROM cancellations x WHERE x.contract_id = c.id AND x.status = 'proposed')
          AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.contract_id = c.id AND d.status = 'open')
        """;

    public sealed class Handler(DbSession db, TimeProvider clock, IOptions<ContractsOptions> options, IOptions<InvoiceOptions> invoices)
        : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var moved = await db.ExecuteAsync(
                $"""
                UPDATE contracts SET status = 'completed', completed_at = @Now, closed_by = 'lapse', inspection_ends_at = NULL
                WHERE id = @Id AND status = 'submitted' AND inspection_ends_at <= @Now AND {ContractState.NotOnHold}
                """, new { Id = command.ContractId, Now = now });
            if (moved == 0) return false;
            var contract = await db.QuerySingleAsync<Contract>("SELECT c.* FROM contract_details c WHERE c.id = @Id", new { Id = command.ContractId });
            await Acceptance.CompleteAsync(db, contract, byLapse: true, options.Value, invoices.Value, now);
            return true;
        }
    }
}
