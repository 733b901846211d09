using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>
/// What documents print about a person: the invoice registration number (workers and producers who are registered
/// issuers; a business may give its own), the legal name and the postal address that the yearly payment record
/// (支払調書) needs for payee and payer. My Number is not collected: the business adds it when it files.
/// </summary>
public sealed record TaxDetailsView(string? InvoiceNumber, string LegalName, string PostalAddress, DateTimeOffset? UpdatedAt);

/// <summary>A person's tax details, read and written in one place for the tax-details routes and the worker's profile.</summary>
internal static class TaxDetails
{
    /// <summary>A person's saved tax details, or empty ones when it has given none.</summary>
    public static async Task<TaxDetailsView> ReadAsync(DbSession db, string userId) =>
        (await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT invoice_number, legal_name, postal_address, updated_at FROM tax_details WHERE user_id = @Id", new { Id = userId }))
        is { } row ? new TaxDetailsView(row.InvoiceNumber, row.LegalName, row.PostalAddress, row.UpdatedAt) : new TaxDetailsView(null, "", "", null);

    /// <summary>
    /// Writes a person's tax details; a null part keeps what is saved (the worker's profile sends only what it shows),
    /// an empty invoice number means "not a registered issuer". The same row serves the tax-details route and the
    /// worker profile, so that documents and payment records read one place.
    /// </summary>
    public static async Task<TaxDetailsView> SaveAsync(DbSession db, string userId, string? invoiceNumber, string? legalName, string? postalAddress,
        DateTimeOffset now)
    {
        var saved = await ReadAsync(db, userId);
        var number = invoiceNumber is null ? saved.InvoiceNumber : invoiceNumber.Length == 0 ? null : invoiceNumber;
        var name = legalName?.Trim() ?? saved.LegalName;
        var address = postalAddress?.Trim() ?? saved.PostalAddress;
        await db.ExecuteAsync(db.Dialect.Upsert("tax_details", ["user_id"], Columns), new
        {
            user_id = userId, invoice_number = number, legal_name = name, postal_address = address, updated_at = now,
        });
        return new TaxDetailsView(number, name, address, now);
    }

    private static readonly string[] Columns = ["user_id", "invoice_number", "legal_name", "postal_address", "updated_at"];

    private sealed class Row
    {
        public string? InvoiceNumber { get; init; }
        public string LegalName { get; init; } = "";
        public string PostalAddress { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
