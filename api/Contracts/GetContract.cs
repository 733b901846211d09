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
        public string Message { get; init; } = "";
        public string Links { get; init; } = "[]";
        public DateTimeOffset CreatedAt { get; init; }
    }

    // The contract's history, oldest first, each on its (contract_id, id) index.
    internal const string SubmissionsSql = "SELECT s.id, s.message, s.links, s.created_at FROM submissions s WHERE s.contract_id = @Id ORDER BY s.id";

    internal const string RevisionsSql = "SELECT r.id, r.reason, r.created_at FROM revision_requests r WHERE r.contract_id = @Id ORDER BY r.id";

    internal const string ReviewsSql = """
        SELECT r.id, r.reviewer_id, u.display_name AS reviewer_name, r.reviewee_id, r.rating, r.comment, r.created_at
        FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.contract_id = @Id ORDER BY r.id
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Query query, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, query.Id, caller);
            var submissions = await db.QueryAsync<SubmissionRow>(SubmissionsSql, new { contract.Id });
            var revisions = await db.QueryAsync<RevisionRequest>(RevisionsSql, new { contract.Id });
            var reviews = await db.QueryAsync<Review>(ReviewsSql, new { contract.Id });
            var delivered = await Attachments.OfAsync(db, AttachTo.Submission, submissions.Select(s => s.Id).ToList());
            var marked = await Attachments.OfAsync(db, AttachTo.Revision, revisions.Select(r => r.Id).ToList());
            var unread = await db.ExecuteScalarAsync<int>(Conversations.Thread.UnreadSql, new { contract.Id, Me = caller.Id });
            return new ContractDetail
            {
                Contract = contract with { UnreadMessages = unread },
                Submissions = submissions.Select(s => new Submission
                {
                    Id = s.Id, Message = s.Message, Links = JsonSerializer.Deserialize<string[]>(s.Links) ?? [], CreatedAt = s.CreatedAt,
                    Files = delivered[s.Id].ToList(),
                }).ToList(),
                RevisionRequests = revisions.Select(r => r with { Files = marked[r.Id].ToList() }).ToList(),
                Reviews = reviews,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapGet("/contracts/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetContract").ProducesProblem(404);
}
