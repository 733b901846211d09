using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>
/// What documents print about a person: the invoice registration number (workers and producers who are registered
/// issuers; a business may give its own), the legal name and the postal address that the yearly payment record
/// (支払調書) needs for payee and payer. My Number is not collected: the business adds it when it files.
/// </summary>
public sealed record TaxDetailsView(string? InvoiceNumber, string LegalName, string PostalAddress, DateTimeOffset? UpdatedAt);

public static class UpdateTaxDetails
{
    public sealed record Command : ICommand<TaxDetailsView>
    {
        /// <summary>"T" and 13 digits; empty or null when not a registered issuer (documents are then plain receipts).</summary>
        public string? InvoiceNumber { get; init; }
        /// <summary>The name documents carry (氏名又は名称); the display name when empty.</summary>
        public string LegalName { get; init; } = "";
        public string PostalAddress { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.InvoiceNumber).PlainText().ValidInvoiceNumber();
            RuleFor(c => c.LegalName).NotNull().PlainText().MaximumLength(100);
            RuleFor(c => c.PostalAddress).NotNull().PlainText().MaximumLength(200);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TaxDetailsView>
    {
        public async Task<TaxDetailsView> Handle(Command command, CancellationToken ct)
        {
            if (caller.Role == Role.Administrator) throw new ForbiddenException("The operator's own details are settings (Invoices:*), not an account's.");
            return await SaveAsync(db, caller.Id, command.InvoiceNumber ?? "", command.LegalName, command.PostalAddress, clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Writes a person's tax details; a null part keeps what is saved (the worker's profile sends only what it shows),
    /// an empty invoice number means "not a registered issuer". The same row serves this route and the worker profile,
    /// so that documents and payment records read one place.
    /// </summary>
    internal static async Task<TaxDetailsView> SaveAsync(DbSession db, string userId, string? invoiceNumber, string? legalName, string? postalAddress,
        DateTimeOffset now)
    {
        var saved = await GetTaxDetails.ReadAsync(db, userId);
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

    public static void Map(IEndpointRouteBuilder invoices) =>
        invoices.MapPut("/me/tax-details", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("UpdateTaxDetails").ProducesValidationProblem().ProducesProblem(403);
}
