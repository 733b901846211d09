using System.Text.Encodings.Web;
using Dapper;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Marketplace.Tokens;

/// <summary>Authenticates <c>Authorization: Bearer mkp_…</c> against the stored hashes of unrevoked tokens.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Db db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token.");

        await using var connection = await db.OpenAsync(Context.RequestAborted);
        var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(
            """
            SELECT u.id, u.email, u.display_name, u.role
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @Hash AND t.revoked_at IS NULL
            """,
            new { Hash = TokenSecret.Hash(token) });
        if (account is null) return AuthenticateResult.Fail("Unknown or revoked token.");
        var principal = Authentication.Principal(account.ToAccount(), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
