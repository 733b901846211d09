using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Disputes;

/// <summary>
/// <c>GET /api/disputes</c>: administrators read every dispute (the queue: <c>?status=open</c>), a business, worker or
/// producer the disputes of its own contracts; newest first, in keyset pages.
/// </summary>
public static class ListDisputes
{
    public sealed record Query : IRequest<Page<DisputeSummary>>
    {
        public string? Status { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<DisputeStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<DisputeStatus>()}.");
            RuleFor(q => q.Cursor).PlainText().ValidCursor();
        }
    }

    /// <summary>Every dispute, on the primary key.</summary>
    internal const string AllSql = """
        SELECT d.* FROM dispute_details d WHERE d.id < @After ORDER BY d.id DESC LIMIT @Take
        """;

    /// <summary>The administrators' queue of one status, on ix_disputes_status (status, id).</summary>
    internal const string InStatusSql = """
        SELECT d.* FROM dispute_details d WHERE d.status = @Status AND d.id < @After ORDER BY d.id DESC LIMIT @Take
        """;

    /// <summary>A business's disputes, on ix_disputes_business (business_id, id); a producer reads each client's so.</summary>
    internal const string OfBusinessSql = """
        SELECT d.* FROM dispute_details d
        WHERE d.business_id = @BusinessId AND d.id < @After AND (d.status = @Status OR @Status IS NULL)
        ORDER BY d.id DESC LIMIT @Take
        """;

    /// <summary>A worker's disputes, on ix_disputes_worker (worker_id, id).</summary>
    internal const string OfWorkerSql = """
        SELECT d.* FROM dispute_details d
        WHERE d.worker_id = @Me AND d.id < @After AND (d.status = @Status OR @Status IS NULL)
        ORDER BY d.id DESC LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<DisputeSummary>>
    {
        public async Task<Page<DisputeSummary>> Handle(Query query, CancellationToken ct)
        {
            var limit = Paging.Clamp(query.Limit);
            var status = WireName.TryParse<DisputeStatus>(query.Status, out var s) ? WireName.Of(s) : null;
            object Args(string? businessId = null) => new
            {
                Me = caller.Id, BusinessId = businessId, After = Paging.After(query.Cursor), Take = limit + 1, Status = status,
            };
            var streams = new List<IEnumerable<DisputeSummary>>();
            switch (caller.Role)
            {
                case Role.Administrator:
                    await caller.RequireAdministratorAsync(db, "read disputes");
                    streams.Add(await db.QueryAsync<DisputeSummary>(status is null ? AllSql : InStatusSql, Args()));
                    break;
                case Role.Business:
                    streams.Add(await db.QueryAsync<DisputeSummary>(OfBusinessSql, Args(caller.Id)));
                    break;
                case Role.Worker:
                    streams.Add(await db.QueryAsync<DisputeSummary>(OfWorkerSql, Args()));
                    break;
                case Role.Producer:
                    foreach (var client in await db.QueryAsync<string>("SELECT pc.business_id FROM producer_clients pc WHERE pc.producer_id = @Me", new { Me = caller.Id }))
                        streams.Add(await db.QueryAsync<DisputeSummary>(OfBusinessSql, Args(client)));
                    break;
            }
            return Paging.Merge(streams, limit, d => d.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapGet("/disputes", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListDisputes").ProducesValidationProblem().ProducesProblem(403);
}
