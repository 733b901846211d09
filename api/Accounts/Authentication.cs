using System.Security.Claims;
using System.Threading.RateLimiting;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts;

public static class Authentication
{
    public const string CookieName = "mkp_auth";
    public const string CsrfHeader = "X-CSRF";
    public const string LoginRateLimit = "login";
    private const string Either = "cookie-or-token";

    /// <summary>
    /// The scheme a request with <c>Authorization: Bearer</c> is sent to: an integration's API token. The tokens feature
    /// registers its handler under this name (Tokens/TokensRoutes.cs, AddApiTokens).
    /// </summary>
    public const string TokenScheme = "Bearer";

    /// <summary>
    /// PBKDF2-HMAC-SHA512 (the framework hasher's v3 format) at 210,000 iterations: the OWASP Password
    /// Storage Cheat Sheet's figure for PBKDF2-HMAC-SHA512. Tests lower it through configuration only.
    /// </summary>
    public const int PasswordIterations = 210_000;

    public static IServiceCollection AddMarketplaceAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        // Settings are read when options are first built, not here: a test host's settings arrive after registration.
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = auth.Value.PasswordIterations;
        });
        services.AddSingleton<IPasswordHasher<AccountRow>, PasswordHasher<AccountRow>>();
        services.AddScoped<Sessions>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<MailRequestThrottle>();
        services.AddScoped<TwoStep>();
        services.AddSingleton<IStaffRequirement, StaffUseTwoStep>();
        // Nobody signs up as an administrator: the operator creates one on the command line.
        services.AddCommandLineTask(CreateAdministrator.Option, CreateAdministrator.RunAsync);

        services.AddAuthentication(Either)
            // A request with "Authorization: Bearer" is an integration; everything else is the browser's cookie.
            .AddPolicyScheme(Either, Either, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over https, including through a listed proxy (KnownProxies).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The idle lifetime (ExpireTimeSpan, below) slides, so a session in use stays.
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = 403; return Task.CompletedTask; };
            });
        // The idle lifetime (OWASP ASVS 5.0 V7.3.1): a session left alone on a shared PC ends. The absolute lifetime
        // (V7.3.2) is the session row's, checked on every request (Sessions.ValidateAsync).
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((o, auth) => o.ExpireTimeSpan = TimeSpan.FromHours(auth.Value.SessionIdleHours));
        services.AddAuthorization();
        // The document says how to authenticate: the sign-in cookie, one of the two schemes the API's operations declare.
        services.ConfigureSwaggerGen(o => o.AddSecurityDefinition(OpenApi.CookieScheme, new Microsoft.OpenApi.OpenApiSecurityScheme
        {
            Type = Microsoft.OpenApi.SecuritySchemeType.ApiKey, In = Microsoft.OpenApi.ParameterLocation.Cookie, Name = CookieName,
            Description = "The browser's session, set by POST /api/auth/login. A change sent with it needs the header 'X-CSRF: 1'.",
        }));

        services.AddRateLimiter(o =>
        {
            // Per client address (the real one behind a listed proxy), at a ceiling far above what a room of people
            // signing in needs: guessing is throttled per account by SignInThrottle.
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ProblemExceptionHandler.RetryAfterSeconds(retryAfter);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = http.Request.Path.StartsWithSegments("/api/auth")
                        ? new ProblemDetails { Status = 429, Title = "Too many attempts.", Detail = SignInThrottle.Detail }
                        : new ProblemDetails { Status = 429, Title = "Too many requests.", Detail = "Too many requests from your address; please wait a minute." },
                });
            };
        });
        return services;
    }

    /// <summary>The signed-in principal; a browser's names its server-side session, a token's has none.</summary>
    public static ClaimsPrincipal Principal(Account account, string scheme, string? sessionId = null)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id),
            new Claim(ClaimTypes.Name, account.DisplayName),
            new Claim(Caller.RoleClaim, WireName.Of(account.Role)),
        ], scheme);
        if (sessionId is not null) identity.AddClaim(new Claim(Caller.SessionClaim, sessionId));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// A state-changing request that a browser authenticated with the cookie must carry <c>X-CSRF: 1</c>.
    /// A cross-site form cannot set a custom header, and a cross-site fetch with one needs CORS, which is not
    /// enabled. Token-authenticated requests carry no ambient credential and are exempt.
    /// </summary>
    public static IApplicationBuilder UseCsrfGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        var byCookie = http.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
        var exempt = http.GetEndpoint()?.Metadata.GetMetadata<NoCsrfHeaderNeeded>() is not null;
        if (!safe && byCookie && !exempt && http.Request.Headers[CsrfHeader] != "1")
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = 403, Title = "Missing CSRF header.",
                    Detail = $"A signed-in browser request that changes data must send the header '{CsrfHeader}: 1'.",
                },
            });
            return;
        }
        await next(http);
    });
}
