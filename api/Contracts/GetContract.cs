using System.Text.Json;
using MediatR;
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

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Query query, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, query.Id, caller);
            var submissions = await db.QueryAsync<SubmissionRow>(
                "SELECT id, message, links, created_at FROM submissions WHERE contract_id = @Id ORDER BY id", new { contract.Id });
            var revisions = await db.QueryAsync<RevisionRequest>(
                "SELECT id, reason, created_at FROM revision_requests WHERE contract_id = @Id ORDER BY id", new { contract.Id });
            var reviews = await db.QueryAsync<Review>(
                """
                SELECT r.id, r.reviewer_id, u.display_name AS reviewer_name, r.reviewee_id, r.rating, r.comment, r.created_at
                FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.contract_id = @Id ORDER BY r.id
                """, new { contract.Id });
            return new ContractDetail
            {
                Contract = contract,
                Submissions = submissions.Select(s => new Submission
                {
                    Id = s.Id, Message = s.Message, Links = JsonSerializer.Deserialize<string[]>(s.Links) ?? [], CreatedAt = s.CreatedAt,
                }).ToList(),
                RevisionRequests = revisions,
                Reviews = reviews,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapGet("/contracts/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetContract").ProducesProblem(404);
}
