using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marketplace.Accounts;

/// <summary>Signs the browser out by clearing its cookie.</summary>
public static class Logout
{
    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/logout", async (HttpContext http) =>
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("Logout")
            .ProducesProblem(403);
}
