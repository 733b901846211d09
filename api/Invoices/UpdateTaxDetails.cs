using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>A person saves the tax details its documents will print (<see cref="TaxDetailsView"/>).</summary>
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
            return await TaxDetails.SaveAsync(db, caller.Id, command.InvoiceNumber ?? "", command.LegalName, command.PostalAddress, clock.GetUtcNow());
        }
    }

    public static void Map(IEndpointRouteBuilder invoices) =>
        invoices.MapPut("/me/tax-details", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("UpdateTaxDetails").ProducesValidationProblem().ProducesProblem(403);
}
