using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dapper;
using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Marketplace.Tokens;

/// <summary>A personal API token as listed: never its secret.</summary>
public sealed record ApiToken(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>The answer to creating a token: the only time its secret is shown.</summary>
public sealed record CreatedApiToken(string Id, string Name, string Token);

public static class TokenSecret
{
    private const string Prefix = "mkp_";

    /// <summary>256 random bits; the prefix lets secret scanners recognise a leaked token.</summary>
    public static string Generate() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A plain SHA-256 is enough: the secret is random and long, unlike a password.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public static class CreateToken
{
    public sealed record Command : IRequest<CreatedApiToken>
    {
        public string Name { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).NotBlank("Name is required.").MaximumLength(100);
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, CreatedApiToken>
    {
        public async Task<CreatedApiToken> Handle(Command command, CancellationToken ct)
        {
            var token = new CreatedApiToken(Wire.NewId(), command.Name.Trim(), TokenSecret.Generate());
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync(
                "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (@Id, @UserId, @Name, @Hash, @Now)",
                new { token.Id, UserId = caller.Id, token.Name, Hash = TokenSecret.Hash(token.Token), Now = clock.GetUtcNow() });
            return token;
        }
    }
}

public static class ListTokens
{
    public sealed record Query : IRequest<IReadOnlyList<ApiToken>>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, IReadOnlyList<ApiToken>>
    {
        public async Task<IReadOnlyList<ApiToken>> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var rows = await connection.QueryAsync<ApiToken>(
                "SELECT id, name, created_at FROM api_tokens WHERE user_id = @Id AND revoked_at IS NULL ORDER BY id DESC",
                new { caller.Id });
            return rows.AsList();
        }
    }
}

public static class RevokeToken
{
    public sealed record Command(string Id) : IRequest<Unit>;

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            // Another user's token id answers exactly like an unknown one.
            var revoked = await connection.ExecuteAsync(
                "UPDATE api_tokens SET revoked_at = @Now WHERE id = @Id AND user_id = @UserId AND revoked_at IS NULL",
                new { command.Id, UserId = caller.Id, Now = clock.GetUtcNow() });
            return revoked == 1 ? Unit.Value : throw new NotFoundException("No such token.");
        }
    }
}

public static class TokenEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").RequireAuthorization().WithTags("Tokens");
        tokens.MapPost("", async (CreateToken.Command command, IMediator mediator) =>
                TypedResults.Created("/api/tokens", await mediator.Send(command)))
            .WithName("CreateToken").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        tokens.MapGet("", (IMediator mediator) => mediator.Send(new ListTokens.Query()))
            .WithName("ListTokens").ProducesProblem(401);
        tokens.MapDelete("/{id}", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new RevokeToken.Command(id));
                return TypedResults.NoContent();
            })
            .WithName("RevokeToken").ProducesProblem(401).ProducesProblem(404);
    }
}

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
