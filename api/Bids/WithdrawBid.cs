using Dapper;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Bids;

public static class WithdrawBid
{
    public sealed record Command(string Id) : IRequest<Bid>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Command, Bid>
    {
        public async Task<Bid> Handle(Command command, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var withdrawn = await connection.ExecuteAsync(
                "UPDATE bids SET status = 'withdrawn' WHERE id = @Id AND worker_id = @Me AND status = 'pending'",
                new { command.Id, Me = caller.Id });
            var bid = await connection.QuerySingleOrDefaultAsync<Bid>(
                $"{BidSql.Select} WHERE b.id = @Id AND b.worker_id = @Me", new { command.Id, Me = caller.Id })
                ?? throw new NotFoundException("No such bid of yours.");
            return withdrawn == 1 ? bid : throw new ConflictException($"Only a pending bid can be withdrawn; this one is {Wire.Name(bid.Status)}.");
        }
    }
}

public static class BidEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization().WithTags("Bids");
        group.MapPost("/jobs/{id}/bids", async (string id, PlaceBid.Command command, IMediator mediator) =>
            {
                var bid = await mediator.Send(command with { JobId = id });
                return TypedResults.Created($"/api/jobs/{id}/bids", bid);
            })
            .WithName("PlaceBid").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/jobs/{id}/bids", (string id, IMediator mediator) => mediator.Send(new ListJobBids.Query(id)))
            .WithName("ListJobBids").ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/me/bids", ([AsParameters] ListMyBids.Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListMyBids").ProducesValidationProblem().ProducesProblem(403);
        group.MapPost("/bids/{id}/withdraw", (string id, IMediator mediator) => mediator.Send(new WithdrawBid.Command(id)))
            .WithName("WithdrawBid").ProducesProblem(404).ProducesProblem(409);
    }
}
