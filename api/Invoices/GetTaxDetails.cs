using MediatR;
using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>A person reads back the tax details its documents will print.</summary>
public static class GetTaxDetails
{
    public sealed record Query : IRequest<TaxDetailsView>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, TaxDetailsView>
    {
        public Task<TaxDetailsView> Handle(Query query, CancellationToken ct) => ReadAsync(db, caller.Id);
    }

    /// <summary>A person's saved tax details, or empty ones when it has given none.</summary>
    internal static async Task<TaxDetailsView> ReadAsync(DbSession db, string userId) =>
        (await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT invoice_number, legal_name, postal_address, updated_at FROM tax_details WHERE user_id = @Id", new { Id = userId }))
        is { } row ? new TaxDetailsView(row.InvoiceNumber, row.LegalName, row.PostalAddress, row.UpdatedAt) : new TaxDetailsView(null, "", "", null);

    private sealed class Row
    {
        public string? InvoiceNumber { get; init; }
        public string LegalName { get; init; } = "";
        public string PostalAddress { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
    }

    public static void Map(IEndpointRouteBuilder invoices) =>
        invoices.MapGet("/me/tax-details", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("GetTaxDetails");
}
