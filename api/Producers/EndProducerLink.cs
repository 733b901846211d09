using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Producers;

/// <summary>
/// <c>POST /api/producer-links/{id}/end</c>: either side ends a pending or active link. Ending a link ends the producer's
/// quality gate on the client's contracts: work waiting in its review goes to the business.
/// </summary>
public static class EndProducerLink
{
    public sealed record Command(string Id) : ICommand<ProducerLink>;

    private sealed class StrandedMilestone
    {
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public string ContractId { get; init; } = "";
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
    }

    private sealed class Stranded
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<Contracts.ContractsOptions> contracts) : IRequestHandler<Command, ProducerLink>
    {
        public async Task<ProducerLink> Handle(Command command, CancellationToken ct)
        {
            var link = await ProducerLink.ForPartyAsync(db, command.Id, caller.Id);
            var ended = await ProducerLink.MoveAsync(db, link, [ProducerLinkStatus.Pending, ProducerLinkStatus.Active], ProducerLinkStatus.Ended,
                clock.GetUtcNow());
            await HandOverReviewsAsync(link, clock.GetUtcNow());
            return ended;
        }

        /// <summary>
        /// Work in review at a gate that no longer exists (no row in contract_gates: its producer does not act for the
        /// business any more) would wait for a producer who cannot forward it, with the money in escrow; it goes to the
        /// business instead. The database decides each move, with the link already ended in this transaction; commands
        /// take the write lock with their first statement, so a submission racing the end either committed first and
        /// is moved here, or comes after and finds no gate (SubmitWork sends it to the business).
        /// </summary>
        private async Task HandOverReviewsAsync(ProducerLink link, DateTimeOffset now)
        {
            var stranded = await db.QueryAsync<Stranded>(
                """
                SELECT c.id, c.job_id, j.title AS job_title FROM contracts c JOIN jobs j ON j.id = c.job_id
                WHERE c.business_id = @BusinessId AND c.status = 'inReview'
                  AND NOT EXISTS (SELECT 1 FROM contract_gates g WHERE g.contract_id = c.id)
                """, new { link.BusinessId });
            foreach (var contract in stranded)
            {
                var moved = await db.ExecuteAsync(
                    """
                    UPDATE contracts SET status = 'submitted'
                    WHERE id = @Id AND status = 'inReview' AND NOT EXISTS (SELECT 1 FROM contract_gates g WHERE g.contract_id = contracts.id)
                    """, new { contract.Id });
                if (moved == 0) continue;
                await Notify.ToAsync(db, link.BusinessId, NotificationKind.SubmissionToReview,
                    $"Work on \"{contract.JobTitle}\" awaits your review: its producer no longer acts for you.",
                    $"handover:{link.Id}:{contract.Id}", now, contract.JobId, contract.Id);
                var latest = await db.ExecuteScalarAsync<string>("SELECT MAX(id) FROM submissions WHERE contract_id = @Id", new { contract.Id });
                EventFeed.Record(db, EventTypes.SubmissionForwarded, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("submissionId", latest!));
            }
            await HandOverMilestoneReviewsAsync(link, now);
        }

        /// <summary>
        /// The same for a milestone's work in review (issue 24): it goes to the business, whose inspection period starts now,
        /// as at a forward.
        /// </summary>
        private async Task HandOverMilestoneReviewsAsync(ProducerLink link, DateTimeOffset now)
        {
            var stranded = await db.QueryAsync<StrandedMilestone>(
                """
                SELECT m.id, m.title, c.id AS contract_id, c.job_id, j.title AS job_title
                FROM milestones m JOIN contracts c ON c.id = m.contract_id JOIN jobs j ON j.id = c.job_id
                WHERE c.business_id = @BusinessId AND m.status = 'inReview'
                  AND NOT EXISTS (SELECT 1 FROM contract_gates g WHERE g.contract_id = c.id)
                """, new { link.BusinessId });
            foreach (var milestone in stranded)
            {
                var moved = await db.ExecuteAsync(
                    """
                    UPDATE milestones SET status = 'submitted', inspection_ends_at = @InspectionEndsAt
                    WHERE id = @Id AND status = 'inReview'
                      AND NOT EXISTS (SELECT 1 FROM contract_gates g WHERE g.contract_id = milestones.contract_id)
                    """, new { milestone.Id, InspectionEndsAt = now.AddDays(contracts.Value.InspectionDays) });
                if (moved == 0) continue;
                await Notify.ToAsync(db, link.BusinessId, NotificationKind.SubmissionToReview,
                    $"Work on the milestone \"{milestone.Title}\" of \"{milestone.JobTitle}\" awaits your review: its producer no longer acts for you.",
                    $"handover:{link.Id}:{milestone.Id}", now, milestone.JobId, milestone.ContractId);
                var latest = await db.ExecuteScalarAsync<string>("SELECT MAX(id) FROM submissions WHERE milestone_id = @Id", new { milestone.Id });
                EventFeed.Record(db, EventTypes.SubmissionForwarded, now, ("jobId", milestone.JobId), ("contractId", milestone.ContractId),
                    ("submissionId", latest!));
            }
        }
    }

    public static void Map(IEndpointRouteBuilder links) =>
        links.MapPost("/producer-links/{id}/end", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("EndProducerLink").ProducesProblem(404).ProducesProblem(409);
}
