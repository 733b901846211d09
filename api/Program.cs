using Marketplace.Accounts;
using Marketplace.Admin;
using Marketplace.Bids;
using Marketplace.Contracts;
using Marketplace.Demo;
using Marketplace.Disputes;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Producers;
using Marketplace.Tokens;
using Marketplace.Workers;

var builder = WebApplication.CreateBuilder(args);
// JSON, problem details, the database, and the request pipeline: validation, then one transaction per command.
builder.AddPlatform();
builder.Services.AddMarketplaceAuthentication(builder.Configuration);
builder.Services.AddKnownProxies();
builder.Services.Configure<MoneyOptions>(builder.Configuration.GetSection("Money"));
builder.Services.AddSingleton<IPaymentProvider, BankTransferProvider>();
builder.Services.AddSingleton<DeadlineReminders>();
builder.Services.AddHostedService(p => p.GetRequiredService<DeadlineReminders>());
// The deal's periods; start-up refuses values the Freelance Act does not allow (DealClockOptionsValidation).
builder.Services.AddOptions<ContractsOptions>().Bind(builder.Configuration.GetSection("Contracts")).ValidateOnStart();
builder.Services.AddOptions<DisputesOptions>().Bind(builder.Configuration.GetSection("Disputes")).ValidateOnStart();
builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ContractsOptions>, DealClockOptionsValidation>();
builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DisputesOptions>, DealClockOptionsValidation>();
builder.Services.AddSingleton<DealClock>();
builder.Services.AddHostedService(p => p.GetRequiredService<DealClock>());

// Disposed on every exit, so that the console logger writes out what a command-line task said before the process ends.
await using var app = builder.Build();

// A backup copies the database as it is, before migrations could change it.
if (await CommandLine.RanBeforeMigrationsAsync(app, args)) return;
// Migrations run before the app takes requests; a changed, already-applied script stops start-up here.
app.Services.GetRequiredService<Db>().Migrate(message => app.Logger.LogInformation("{Migration}", message));
if (await CommandLine.RanTaskAsync(app, args)) return;
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true))
    await DemoData.SeedAsync(app.Services, app.Logger);

// The pipeline, outermost first.
app.UseKnownProxies();       // the client's address and scheme, from listed proxies only
app.UseSecurityHeaders();    // CSP, nosniff, referrer policy, HSTS over https; no-store on API answers
app.UseHttpLogging();
app.UseExceptionHandler();   // every exception becomes problem+json in ProblemExceptionHandler
app.UseStatusCodePages();
app.UseRequestSizeLimit();
app.UseJsonRequestBodies();  // the API reads JSON only: any other body is a 415 problem
app.UseOpenApiDocument();    // the document always; Swagger UI in Development or when OpenApi:SwaggerUi is on
app.UseSite();               // the web client's files
app.UseAuthentication();     // the cookie, or a bearer token
app.UseCsrfGuard();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthChecks("/health");
var api = app.MapGroup("/api");
AccountsRoutes.Map(api);
TokensRoutes.Map(api);
JobsRoutes.Map(api);
BidsRoutes.Map(api);
ContractsRoutes.Map(api);
WorkersRoutes.Map(api);
ProducersRoutes.Map(api);
MoneyRoutes.Map(api);
NotificationsRoutes.Map(api);
AdminRoutes.Map(api);
DisputesRoutes.Map(api);
// Unknown API paths stay a 404 problem; they must never fall through to the web client.
api.MapFallback(() => TypedResults.Problem(statusCode: 404, title: "Not found.", detail: "There is no such API endpoint."));
app.MapFallbackToFile("index.html");

app.Run();

public partial class Program;
