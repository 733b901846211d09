using Marketplace.Platform;
namespace Marketplace.Legal;

/// <summary>Every route of the legal documents (the terms of use, the privacy policy), mapped from here.</summary>
public static class LegalRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var legal = api.MapGroup("").WithTags("Legal").RequireScope(TokenScope.Read, null);
        GetLegal.Map(legal);
        GetLegalDocument.Map(legal);
        PublishLegalDocument.Map(legal);
        AcceptLegalDocuments.Map(legal);
    }
}
