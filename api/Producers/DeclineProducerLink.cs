using MediatR;
using Marketplace.Platform;

namespace Marketplace.Producers;

/// <summary><c>POST /api/producer-links/{id}/decline</c>: the invited producer declines a pending link.</summary>
public static class DeclineProducerLink
{
    public sealed record Command(string Id) : ICommand<ProducerLink>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ProducerLink>
    {
        public async Task<ProducerLink> Handle(Command command, CancellationToken ct)
        {
            var link = await ProducerLink.ForPartyAsync(db, command.Id, caller.Id);
            if (link.ProducerId != caller.Id) throw new ForbiddenException("Only the invited producer accepts or declines a link.");
            return await ProducerLink.MoveAsync(db, link, [ProducerLinkStatus.Pending], ProducerLinkStatus.Declined, clock.GetUtcNow());
        }
    }

    public static void Map(IEndpointRouteBuilder links) =>
        links.MapPost("/producer-links/{id}/decline", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("DeclineProducerLink").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
