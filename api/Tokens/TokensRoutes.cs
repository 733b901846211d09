using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;

namespace Marketplace.Tokens;

/// <summary>Every route of the tokens feature, mapped from here.</summary>
public static class TokensRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("").RequireAuthorization().WithTags("Tokens").RequireScope(TokenScope.Read, null);
        CreateToken.Map(tokens);
        ListTokens.Map(tokens);
        RevokeToken.Map(tokens);
    }

    /// <summary>Signs in a request that carries an API token (<see cref="BearerTokenHandler"/>), under the scheme Accounts sends it to.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddSingleton<ValidatedTokens>();
        services.ConfigureSwaggerGen(o => o.AddSecurityDefinition(OpenApi.BearerScheme, new Microsoft.OpenApi.OpenApiSecurityScheme
        {
            Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer",
            Description = "A personal API token (mkp_…), made on the tokens page with the scopes it may use; each operation names the scope it needs.",
        }));
        return services;
    }
}
