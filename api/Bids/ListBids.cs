using FluentValidation;
using Dapper;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Bids;

public static class ListJobBids
{
    public sealed record Query(string JobId) : IRequest<IReadOnlyList<Bid>>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Bid>>
    {
        public async Task<IReadOnlyList<Bid>> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var job = await JobSql.GetVisibleAsync(connection, query.JobId, caller);
            // The job's business (and its producer) compare all bids; a worker sees only its own.
            var seesAll = job.IsRunBy(caller, await Producers.ProducerSql.ActiveAsync(connection, job.BusinessId, caller.Id));
            if (!seesAll && caller.Role != Role.Worker)
                throw new ForbiddenException("Only the job's business, its producer and bidding workers may see its bids.");
            var bids = await connection.QueryAsync<Bid>(
                $"{BidSql.Select} WHERE b.job_id = @JobId AND (@All = 1 OR b.worker_id = @Me) ORDER BY b.amount, b.id",
                new { query.JobId, All = seesAll, Me = caller.Id });
            return bids.AsList();
        }
    }
}

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
            RuleFor(q => q.Status).Must(s => s is null || Wire.TryParse<BidStatus>(s, out _))
                .WithMessage($"Status must be one of: {Wire.Names<BidStatus>()}.");
            RuleFor(q => q.Cursor).ValidCursor();
        }
    }

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, Page<Bid>>
    {
        public async Task<Page<Bid>> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Worker, "list their bids");
            var limit = Paging.Clamp(query.Limit);
            await using var connection = await db.OpenAsync(ct);
            var rows = await connection.QueryAsync<Bid>(
                $"""
                {BidSql.Select}
                WHERE b.worker_id = @Me AND (@Status IS NULL OR b.status = @Status) AND (@After IS NULL OR b.id < @After)
                ORDER BY b.id DESC {db.Dialect.Limit("@Take")}
                """,
                new { Me = caller.Id, Status = Wire.TryParse<BidStatus>(query.Status, out var s) ? Wire.Name(s) : null,
                      After = Paging.Decode(query.Cursor), Take = limit + 1 });
            return Paging.From(rows.AsList(), limit, b => b.Id);
        }
    }
}
