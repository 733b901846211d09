using System.Text.Json;
using MediatR;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>A contract with its whole history, for its parties; to anyone else it does not exist.</summary>
public static class GetContract
{
    public sealed record Query(string Id) : IRequest<ContractDetail>;

    private sealed class SubmissionRow
    {
        public string Id { get; init; } = "";
        public string? MilestoneId { get; init; }
        public string Message { get; init; } = "";
        public string Links { get; init; } = "[]";
        public DateTimeOffset CreatedAt { get; init; }
    }

    // The contract's history, oldest first, each on its (contract_id, id) index.
    internal const string SubmissionsSql = "SELECT s.id, s.milestone_id, s.message, s.links, s.created_at FROM submissions s WHERE s.contract_id = @Id ORDER BY s.id";

    internal const string RevisionsSql = "SELECT r.id, r.milestone_id, r.reason, r.created_at FROM revision_requests r WHERE r.contract_id = @Id ORDER BY r.id";

    internal const string ReviewsSql = """
        SELECT r.id, r.reviewer_id, u.display_name AS reviewer_name, r.reviewee_id, r.rating, r.comment, r.created_at
        FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.contract_id = @Id ORDER BY r.id
        """;

    /// <summary>The messages of the contract's thread the caller has not read: others' messages after its read position.</summary>
    internal const string UnreadMessagesSql = """
        SELECT COUNT(*) FROM messages m
        WHERE m.contract_id = @Id AND m.sender_id <> @Me
          AND m.id > COALESCE((SELECT r.up_to FROM message_reads r WHERE r.contract_id = @Id AND r.user_id = @Me), '')
        """;

    /// <summary>A contract's submissions, oldest first (the dispute page shows them too).</summary>
    internal static async Task<IReadOnlyList<Submission>> SubmissionsAsync(DbSession db, string contractId)
    {
        var rows = await db.QueryAsync<SubmissionRow>(SubmissionsSql, new { Id = contractId });
        var delivered = await Attachments.OfAsync(db, AttachTo.Submission, rows.Select(s => s.Id).ToList());
        return rows.Select(s => new Submission
        {
            Id = s.Id, MilestoneId = s.MilestoneId, Message = s.Message, Links = JsonSerializer.Deserialize<string[]>(s.Links) ?? [], CreatedAt = s.CreatedAt,
            Files = delivered[s.Id].ToList(),
        }).ToList();
    }

    public sealed class Handler(DbSession db, Caller caller, Microsoft.Extensions.Options.IOptions<ContractsOptions> options,
        Microsoft.Extensions.Options.IOptions<DisputesOptions> disputes, TimeProvider clock)
        : IRequestHandler<Query, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Query query, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, query.Id, caller);
            var revisions = await db.QueryAsync<RevisionRequest>(RevisionsSql, new { contract.Id });
            var reviews = await db.QueryAsync<Review>(ReviewsSql, new { contract.Id });
            var marked = await Attachments.OfAsync(db, AttachTo.Revision, revisions.Select(r => r.Id).ToList());
            var unread = await db.ExecuteScalarAsync<int>(UnreadMessagesSql, new { contract.Id, Me = caller.Id });
            // A party who is not the worker stands on the business's side (the business or its producer), as statements do.
            var side = caller.Id == contract.WorkerId ? Side.Worker : Side.Business;
            var dispute = await db.QuerySingleOrDefaultAsync<DisputeRow>(DisputeSql, new { contract.Id, Side = WireName.Of(side) });
            return new ContractDetail
            {
                Contract = contract with { UnreadMessages = unread },
                Submissions = await SubmissionsAsync(db, contract.Id),
                RevisionRequests = revisions.Select(r => r with { Files = marked[r.Id].ToList() }).ToList(),
                Reviews = reviews,
                ChangeRequests = await db.QueryAsync<ChangeRequest>(ChangeRequest.OfContractSql, new { contract.Id }),
                Milestones = await Milestone.OfContractAsync(db, contract.Id),
                TeamId = await db.ExecuteScalarAsync<string?>("SELECT c.team_id FROM contracts c WHERE c.id = @Id", new { contract.Id }),
                Cancellation = await CancellationProposal.LatestAsync(db, contract.Id),
                DisputeId = dispute?.Id,
                DisputeStatementsDueAt = dispute?.StatementsDueAt,
                // The same rule as GetDispute's awaitedSides, for the caller's side alone.
                DisputeStatementAwaited = dispute is { IsOpen: true, Stated: false } && !(dispute.StatementsDueAt <= clock.GetUtcNow()),
                FreeRevisions = options.Value.FreeRevisions,
                InspectionDays = options.Value.InspectionDays,
                CancellationAnswerDays = disputes.Value.AnswerDays,
            };
        }
    }

    private sealed class DisputeRow
    {
        public string Id { get; init; } = "";
        public DateTimeOffset? StatementsDueAt { get; init; }
        public bool IsOpen { get; init; }
        public bool Stated { get; init; }
    }

    /// <summary>The contract's dispute, if any: open or not, and whether the caller's side has given its account.</summary>
    internal const string DisputeSql = """
        SELECT d.id, d.statements_due_at, CASE WHEN d.status = 'open' THEN 1 ELSE 0 END AS is_open,
               CASE WHEN EXISTS (SELECT 1 FROM dispute_statements s WHERE s.dispute_id = d.id AND s.side = @Side) THEN 1 ELSE 0 END AS stated
        FROM disputes d WHERE d.contract_id = @Id
        """;

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapGet("/contracts/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetContract").ProducesProblem(404);
}
