namespace Marketplace.Tokens;

/// <summary>Every route of the tokens feature, mapped from here.</summary>
public static class TokensRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("").RequireAuthorization().WithTags("Tokens");
        CreateToken.Map(tokens);
        ListTokens.Map(tokens);
        RevokeToken.Map(tokens);
    }
}
