using MediatR;
using Marketplace.Platform;

namespace Marketplace.Producers;

/// <summary>The producer accepts or declines a pending link; either side ends a pending or active one.</summary>
public static class ChangeProducerLink
{
    public enum Change { Accept, Decline, End }

    public sealed record Command(string Id, Change Change) : ICommand<ProducerLink>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ProducerLink>
    {
        public async Task<ProducerLink> Handle(Command command, CancellationToken ct)
        {
            var link = (await db.QuerySingleOrDefaultAsync<ProducerLink.Row>(
                "SELECT l.* FROM producer_link_details l WHERE l.id = @Id AND (l.business_id = @Me OR l.producer_id = @Me)",
                new { command.Id, Me = caller.Id }))?.ToLink() ?? throw new NotFoundException("No such producer link.");
            if (command.Change != Change.End && link.ProducerId != caller.Id)
                throw new ForbiddenException("Only the invited producer accepts or declines a link.");
            var (from, to) = command.Change switch
            {
                Change.Accept => (new[] { ProducerLinkStatus.Pending }, ProducerLinkStatus.Active),
                Change.Decline => (new[] { ProducerLinkStatus.Pending }, ProducerLinkStatus.Declined),
                _ => (new[] { ProducerLinkStatus.Pending, ProducerLinkStatus.Active }, ProducerLinkStatus.Ended),
            };
            var changed = await db.ExecuteAsync(
                "UPDATE producer_links SET status = @To, changed_at = @Now WHERE id = @Id AND status IN @From",
                new { link.Id, To = Wire.Name(to), From = from.Select(Wire.Name).ToArray(), Now = clock.GetUtcNow() });
            if (changed == 0) throw new ConflictException($"The link is {Wire.Name(link.Status)}.");
            return (await db.QuerySingleAsync<ProducerLink.Row>("SELECT l.* FROM producer_link_details l WHERE l.id = @Id", new { link.Id })).ToLink();
        }
    }

    public static void Map(IEndpointRouteBuilder links)
    {
        links.MapPost("/producer-links/{id}/accept", (string id, IMediator mediator) => mediator.Send(new Command(id, Change.Accept)))
            .WithName("AcceptProducerLink").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        links.MapPost("/producer-links/{id}/decline", (string id, IMediator mediator) => mediator.Send(new Command(id, Change.Decline)))
            .WithName("DeclineProducerLink").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        links.MapPost("/producer-links/{id}/end", (string id, IMediator mediator) => mediator.Send(new Command(id, Change.End)))
            .WithName("EndProducerLink").ProducesProblem(404).ProducesProblem(409);
    }
}
