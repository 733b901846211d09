using MediatR;
using Marketplace.Platform;

namespace Marketplace.Bids;

public static class WithdrawBid
{
    public sealed record Command(string Id) : ICommand<Bid>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, Bid>
    {
        public async Task<Bid> Handle(Command command, CancellationToken ct)
        {
            var withdrawn = await db.ExecuteAsync(
                "UPDATE bids SET status = 'withdrawn' WHERE id = @Id AND worker_id = @Me AND status = 'pending'",
                new { command.Id, Me = caller.Id });
            var bid = await db.QuerySingleOrDefaultAsync<Bid>(
                "SELECT b.* FROM bid_details b WHERE b.id = @Id AND b.worker_id = @Me", new { command.Id, Me = caller.Id })
                ?? throw new NotFoundException("No such bid of yours.");
            return withdrawn == 1 ? bid : throw new ConflictException($"Only a pending bid can be withdrawn; this one is {WireName.Of(bid.Status)}.", ConflictCode.BidNotPending);
        }
    }

    public static void Map(IEndpointRouteBuilder bids) =>
        bids.MapPost("/bids/{id}/withdraw", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("WithdrawBid").ProducesProblem(404).ProducesProblem(409);
}
