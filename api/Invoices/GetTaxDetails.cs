using MediatR;
using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>A person reads back the tax details its documents will print.</summary>
public static class GetTaxDetails
{
    public sealed record Query : IRequest<TaxDetailsView>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, TaxDetailsView>
    {
        public Task<TaxDetailsView> Handle(Query query, CancellationToken ct) => TaxDetails.ReadAsync(db, caller.Id);
    }

    public static void Map(IEndpointRouteBuilder invoices) =>
        invoices.MapGet("/me/tax-details", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("GetTaxDetails");
}
