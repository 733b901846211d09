using MediatR;
using Microsoft.Extensions.Options;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// A cancellation left unanswered for <c>Disputes:AnswerDays</c> becomes a dispute, so that silence never holds the
/// worker's money in escrow. Sent for each due proposal by <see cref="DealClock"/>; the conditional UPDATE lets one
/// run, on one API instance, open the dispute.
/// </summary>
public static class EscalateCancellation
{
    /// <summary>The answer says whether this command opened the dispute.</summary>
    public sealed record Command(string CancellationId) : ICommand<bool>;

    /// <summary>Proposals past their answer date, on ix_cancellations_due (status, answer_by).</summary>
    internal const string DueSql = "SELECT x.id FROM cancellations x WHERE x.status = 'proposed' AND x.answer_by <= @Now";

    public sealed class Handler(DbSession db, TimeProvider clock, IOptions<DisputesOptions> disputes) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var lapsed = await db.ExecuteAsync(
                "UPDATE cancellations SET status = 'lapsed', answered_at = @Now WHERE id = @Id AND status = 'proposed' AND answer_by <= @Now",
                new { Id = command.CancellationId, Now = now });
            if (lapsed == 0) return false;
            await CancellationProposal.OpenDisputeAsync(db, command.CancellationId, disputes.Value.StatementDays, now);
            return true;
        }
    }
}
