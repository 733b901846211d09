using Marketplace.Invoices;
using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// Delivered work that the business leaves unanswered for the whole inspection period counts as accepted: the contract
/// closes as by an acceptance (see <see cref="Closing"/>), recorded as closed by lapse, with its own notices. Sent for each due contract by
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
          AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = c.id)
        """;

    public sealed class Handler(DbSession db, TimeProvider clock, IOptions<ContractsOptions> options, IOptions<InvoiceOptions> invoices)
        : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var contract = await db.QuerySingleOrDefaultAsync<Contract>("SELECT c.* FROM contract_details c WHERE c.id = @Id", new { Id = command.ContractId });
            return contract is not null
                && await Closing.CloseAsync(db, contract, new Outcome.Lapsed(), options.Value, invoices.Value, clock.GetUtcNow()) is not null;
        }
    }
}
