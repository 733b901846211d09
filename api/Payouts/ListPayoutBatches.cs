using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>Payout batches, newest first, keyset-paged, with their totals; administrators only.</summary>
public static class ListPayoutBatches
{
    public sealed record Query : IRequest<Page<PayoutBatch>>
    {
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Cursor).PlainText().ValidCursor();
    }

    /// <summary>Newest first on the primary key, with the totals of payout_batch_details.</summary>
    internal const string Sql = """
        SELECT b.* FROM payout_batch_details b
        WHERE b.id < @After
        ORDER BY b.id DESC LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<PayoutBatch>>
    {
        public async Task<Page<PayoutBatch>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "see payout batches");
            var limit = Paging.Clamp(query.Limit);
            var rows = await db.QueryAsync<PayoutBatchRow>(Sql, new { After = Paging.After(query.Cursor), Take = limit + 1 });
            return Paging.From(rows.Select(r => r.ToBatch(null)).ToList(), limit, b => b.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapGet("/admin/payout-batches", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListPayoutBatches").ProducesValidationProblem().ProducesProblem(403);
}
