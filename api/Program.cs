using System.Text.Json.Serialization;
using Marketplace.Accounts;
using Marketplace.Bids;
using Marketplace.Contracts;
using Marketplace.Demo;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Producers;
using Marketplace.Tokens;
using Marketplace.Workers;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

const long MaxRequestBytes = 1024 * 1024;
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);

services.ConfigureHttpJsonOptions(o =>
{
    // Enums travel as camelCase names only: an unknown name or a bare number is a 400, not a silent default.
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
});
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
    c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
services.AddExceptionHandler<ProblemExceptionHandler>();
services.AddHttpLogging(o =>
{
    // Method, path, status and time only: bodies and headers carry passwords, cookies and tokens.
    o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath |
                      HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    o.CombineLogs = true;
});
services.AddHttpContextAccessor();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<Db>();
services.AddSingleton(p => p.GetRequiredService<Db>().Dialect);
services.AddScoped<Caller>();
services.AddSingleton<Marketplace.Money.IPaymentProvider, Marketplace.Money.BankTransferProvider>();
services.Configure<Marketplace.Money.MoneyOptions>(builder.Configuration.GetSection("Money"));
services.AddMediation(typeof(Program).Assembly);
services.AddMarketplaceAuthentication(builder.Configuration);
services.AddSingleton<Marketplace.Notifications.DeadlineReminders>();
services.AddHostedService(p => p.GetRequiredService<Marketplace.Notifications.DeadlineReminders>());
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
services.AddResponseCompression(o =>
{
    // Only the web client's files: the promise of < 200 KB of JavaScript is about gzip on the wire. API answers
    // stay uncompressed so that no secret shares a compressed stream with attacker-chosen text (BREACH).
    o.EnableForHttps = true;
    o.MimeTypes = ["text/javascript", "application/javascript", "text/css", "text/html", "image/svg+xml"];
});
// The default (fastest) level sends the bundle at about 190 KB; optimal sends the ~130 KB the build's budget counts.
// Bundles have hashed names and are cached for a year, so each browser pays this once.
services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
services.AddEndpointsApiExplorer();
services.AddSwaggerGen(OpenApi.Configure);

var app = builder.Build();

var db = app.Services.GetRequiredService<Db>();
// Migrations run before the app takes requests; a changed, already-applied script stops start-up here.
db.Migrate(message => app.Logger.LogInformation("{Migration}", message));
if (args.Contains("--migrate"))
{
    app.Logger.LogInformation("Database migrated; exiting because of --migrate.");
    return;
}
if (args.SkipWhile(a => a != "--create-admin").Skip(1).FirstOrDefault() is { } adminEmail)
{
    var password = Environment.GetEnvironmentVariable(Administrators.PasswordVariable);
    if (string.IsNullOrEmpty(password))
    {
        app.Logger.LogError("Set {Variable} to the new administrator's password.", Administrators.PasswordVariable);
        Environment.ExitCode = 2;
        return;
    }
    try
    {
        var admin = await Administrators.CreateAsync(app.Services, adminEmail, password);
        app.Logger.LogInformation("Created administrator {Email}", admin.Email);
    }
    catch (Exception e) when (e is ConflictException or FluentValidation.ValidationException)
    {
        app.Logger.LogError("No administrator created: {Reason}", e.Message);
        Environment.ExitCode = 2;
    }
    return;
}
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true))
    await DemoData.SeedAsync(app.Services, app.Logger);

app.UseHttpLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.Use(async (http, next) =>
{
    // Refuse declared oversize bodies up front; Kestrel's own limit catches undeclared (chunked) ones.
    if (http.Request.ContentLength > MaxRequestBytes)
        throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
    await next(http);
});
app.UseSwagger();
app.UseSwaggerUI();
app.UseResponseCompression();
app.UseDefaultFiles();
app.UseStaticFiles(new StaticFileOptions
{
    // Vite names bundles by their content hash: a changed file is a new name, so they may be cached for good.
    OnPrepareResponse = file =>
    {
        if (file.Context.Request.Path.StartsWithSegments("/assets"))
            file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
    },
});
app.UseAuthentication();
app.UseCsrfGuard();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthChecks("/health");
var api = app.MapGroup("/api");
Register.Map(api);
Login.Map(api);
Me.Map(api);
TokenEndpoints.Map(api);
JobEndpoints.Map(api);
BidEndpoints.Map(api);
ContractEndpoints.Map(api);
WorkerEndpoints.Map(api);
ProducerLinkEndpoints.Map(api);
InvitationEndpoints.Map(api);
Marketplace.Money.MoneyEndpoints.Map(api);
Marketplace.Money.GetStatement.Map(api);
Marketplace.Money.ListPayments.Map(api);
Marketplace.Notifications.NotificationEndpoints.Map(api);
GetPipeline.Map(api);
RecommendWorkers.Map(api);
// Unknown API paths stay a 404 problem (a body that is not JSON a 415); they must never fall through to the web client.
ApiFallback.Map(api);
app.MapFallbackToFile("index.html");

app.Run();

public partial class Program;
