using MediatR;
using Marketplace.Invoices;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// A milestone's delivered work left unanswered for the whole inspection period counts as accepted and is released (see
/// <see cref="Closing.ReleaseMilestoneAsync"/>), recorded as accepted by lapse. Sent for each due milestone by
/// <see cref="DealClock"/>; the conditional UPDATE lets exactly one run release it, however many API instances send it
/// at once (the losers change nothing and answer false).
/// </summary>
public static class AcceptMilestoneByLapse
{
    /// <summary>The answer says whether this command accepted the milestone.</summary>
    public sealed record Command(string MilestoneId) : ICommand<bool>;

    /// <summary>Milestones whose inspection period has ended, not on hold, on ix_milestones_inspection (status, inspection_ends_at).</summary>
    internal const string DueSql = """
        SELECT m.id FROM milestones m
        WHERE m.status = 'submitted' AND m.inspection_ends_at <= @Now
          AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = m.contract_id)
        """;

    public sealed class Handler(DbSession db, TimeProvider clock, IOptions<ContractsOptions> options, IOptions<InvoiceOptions> invoices)
        : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var contract = await db.QuerySingleOrDefaultAsync<Contract>(
                "SELECT c.* FROM contract_details c WHERE c.id = (SELECT m.contract_id FROM milestones m WHERE m.id = @Id)", new { Id = command.MilestoneId });
            return contract is not null
                && await Closing.ReleaseMilestoneAsync(db, contract, command.MilestoneId, lapsed: true, options.Value, invoices.Value, clock.GetUtcNow());
        }
    }
}
