using System.Text.Json;
using Dapper;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contracts;

public static class ListContracts
{
    public sealed record Query : IRequest<Page<Contract>>
    {
        public string? Status { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null || Wire.TryParse<ContractStatus>(s, out _))
                .WithMessage($"Status must be one of: {Wire.Names<ContractStatus>()}.");
            RuleFor(q => q.Cursor).ValidCursor();
        }
    }

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, Page<Contract>>
    {
        public async Task<Page<Contract>> Handle(Query query, CancellationToken ct)
        {
            var limit = Paging.Clamp(query.Limit);
            await using var connection = await db.OpenAsync(ct);
            var rows = await connection.QueryAsync<Contract>(
                $"""
                {ContractSql.Select}
                WHERE {ContractSql.PartyOf}
                  AND (@Status IS NULL OR c.status = @Status) AND (@After IS NULL OR c.id < @After)
                ORDER BY c.id DESC {db.Dialect.Limit("@Take")}
                """,
                new { Me = caller.Id, Status = Wire.TryParse<ContractStatus>(query.Status, out var s) ? Wire.Name(s) : null,
                      After = Paging.Decode(query.Cursor), Take = limit + 1 });
            return Paging.From(rows.AsList(), limit, c => c.Id);
        }
    }
}

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

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var contract = await ContractSql.GetForPartyAsync(connection, query.Id, caller);
            var submissions = await connection.QueryAsync<SubmissionRow>(
                "SELECT id, message, links, created_at FROM submissions WHERE contract_id = @Id ORDER BY id", new { contract.Id });
            var revisions = await connection.QueryAsync<RevisionRequest>(
                "SELECT id, reason, created_at FROM revision_requests WHERE contract_id = @Id ORDER BY id", new { contract.Id });
            var reviews = await connection.QueryAsync<Review>(
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
                RevisionRequests = revisions.AsList(),
                Reviews = reviews.AsList(),
            };
        }
    }
}
