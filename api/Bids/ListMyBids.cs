using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Bids;

public static class ListMyBids
{
    public sealed record Query : IRequest<Page<Bid>>
    {
        public string? Status { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<BidStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<BidStatus>()}.");
            RuleFor(q => q.Cursor).PlainText().ValidCursor();
        }
    }

    /// <summary>Newest first, keyset on ix_bids_worker (worker_id, id): a page reads its own rows and one more.</summary>
    internal const string Sql = """
        SELECT b.* FROM bid_details b
        WHERE b.worker_id = @Me AND (b.status = @Status OR @Status IS NULL) AND b.id < @After
        ORDER BY b.id DESC LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<Bid>>
    {
        public async Task<Page<Bid>> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Worker, "list their bids");
            var limit = Paging.Clamp(query.Limit);
            var rows = await db.QueryAsync<Bid>(Sql, new
            {
                Me = caller.Id, Status = WireName.TryParse<BidStatus>(query.Status, out var s) ? WireName.Of(s) : null,
                After = Paging.After(query.Cursor), Take = limit + 1,
            });
            return Paging.From(rows, limit, b => b.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder bids) =>
        bids.MapGet("/me/bids", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListMyBids").ProducesValidationProblem().ProducesProblem(403);
}
