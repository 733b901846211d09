using Marketplace.Platform;
namespace Marketplace.Invoices;

/// <summary>Every route of the invoices feature (documents, tax details and payment records), mapped from here.</summary>
public static class InvoicesRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var invoices = api.MapGroup("").RequireAuthorization().WithTags("Invoices").RequireScope(TokenScope.MoneyRead, null);
        UpdateTaxDetails.Map(invoices);
        GetTaxDetails.Map(invoices);
        ListContractDocuments.Map(invoices);
        ListTaskJobDocuments.Map(invoices);
        GetPaymentRecords.Map(invoices);
    }
}
