using Marketplace.Accounts;
using Marketplace.Banks;
using Marketplace.Admin;
using Marketplace.Bids;
using Marketplace.Contests;
using Marketplace.Contracts;
using Marketplace.Conversations;
using Marketplace.Demo;
using Marketplace.Invoices;
using Marketplace.Files;
using Marketplace.Help;
using Marketplace.Disputes;
using Marketplace.Events;
using Marketplace.Webhooks;
using Marketplace.Jobs;
using Marketplace.Legal;
using Marketplace.Mail;
using Marketplace.Money;
using Marketplace.Notifications;
using Marketplace.Payouts;
using Marketplace.Platform;
using Marketplace.Ndas;
using Marketplace.Producers;
using Marketplace.Programmes;
using Marketplace.SavedSearches;
using Marketplace.Search;
using Marketplace.Tokens;
using Marketplace.Workers;
using Marketplace.Teams;
using Microsoft.Extensions.Options;

// The container's health probe asks the running app and exits; it builds nothing (Platform/Health.cs).
if (args.Contains("--health")) { Environment.ExitCode = await Health.ProbeAsync(args); return; }

var builder = WebApplication.CreateBuilder(args);
// JSON, problem details, the database, and the request pipeline: validation, then one transaction per command.
builder.AddPlatform();
builder.Services.AddMarketplaceAuthentication(builder.Configuration);
builder.Services.AddApiTokens();
builder.Services.AddKnownProxies();
builder.Services.AddPublicReads();
builder.Services.Configure<MoneyOptions>(builder.Configuration.GetSection("Money"));
builder.Services.AddSingleton<IPaymentProvider, BankTransferProvider>();
builder.Services.AddOptions<PaymentOptions>().Bind(builder.Configuration.GetSection("Payments")).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptions.Validation>();
builder.Services.AddOptions<PayoutOptions>().Bind(builder.Configuration.GetSection("Payouts"))
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<PayoutOptions>, PayoutOptions.Validation>();
builder.Services.AddOptions<InvoiceOptions>().Bind(builder.Configuration.GetSection("Invoices")).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<InvoiceOptions>, InvoiceOptions.Validation>();
builder.Services.AddFiles(builder.Configuration);
builder.Services.AddMail(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
// The deal's periods; start-up refuses values the Freelance Act does not allow (ContractsOptions.Validation).
builder.Services.AddOptions<ContractsOptions>().Bind(builder.Configuration.GetSection("Contracts")).ValidateOnStart();
builder.Services.AddOptions<DisputesOptions>().Bind(builder.Configuration.GetSection("Disputes")).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<ContractsOptions>, ContractsOptions.Validation>();
builder.Services.AddSingleton<IValidateOptions<DisputesOptions>, DisputesOptions.Validation>();
// Periodic work each feature has the app do; the platform's one scheduler runs them all (Files and Mail add theirs above).
builder.Services.AddPeriodicWork<DealClock>();
builder.Services.AddPeriodicWork<Marketplace.TaskJobs.TaskJobClock>();
builder.Services.AddPeriodicWork<AwardPaymentClock>();
builder.Services.AddPeriodicWork<DeadlineReminders>();
builder.Services.AddPeriodicWork<SavedSearchAlerts>();
builder.Services.AddPeriodicWork<LatePayoutWarnings>();
builder.Services.AddPeriodicWork<ContestClock>();

// Run() disposes the app when it stops; a command-line task disposes it itself, so that the console logger writes out
// what the task said before the process ends. A failed start-up (a changed migration, wrong settings) leaves it to the
// process's exit: disposing the services while the exception unwinds races WebApplicationFactory, which then reports
// an ObjectDisposedException instead of the reason (dotnet/aspnetcore#33494).
var app = builder.Build();
// Wrong settings stop start-up here, saying what is wrong, before anything touches the database.
_ = app.Services.GetRequiredService<IOptions<PayoutOptions>>().Value;
_ = app.Services.GetRequiredService<IOptions<InvoiceOptions>>().Value;
_ = app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;
_ = app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value;

// A backup copies the database as it is, before migrations could change it.
if (await CommandLine.RanBeforeMigrationsAsync(app, args)) { await app.DisposeAsync(); return; }
// Migrations run before the app takes requests; a changed, already-applied script stops start-up here.
app.Services.GetRequiredService<Db>().Migrate(message => app.Logger.LogInformation("{Migration}", message));
// The key ring is read once here: an unreadable DataProtection:CertificatePath stops start-up, not the first sign-in.
DataProtectionKeys.Check(app.Services);
// Jobs written before the search index existed get their search tokens (the tokeniser is C#, not SQL).
await JobSearchIndex.BackfillAsync(app.Services.GetRequiredService<Db>());
// Worker profiles written before their search index existed (migration 0015), likewise.
await WorkerSearchIndex.BackfillAsync(app.Services.GetRequiredService<Db>());
if (await CommandLine.RanTaskAsync(app, args)) { await app.DisposeAsync(); return; }
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true))
    await DemoData.SeedAsync(app.Services, app.Logger);

// The pipeline, outermost first.
app.UseKnownProxies();       // the client's address and scheme, from listed proxies only
app.UseSecurityHeaders();    // CSP, nosniff, referrer policy, HSTS over https; no-store on API answers
app.UseHttpLogging();
app.UseExceptionHandler();   // every exception becomes problem+json in ProblemExceptionHandler
app.UseStatusCodePages();
app.UseRequestSizeLimit();
app.UseByteRangesOnly();     // a Range in another unit than bytes is ignored: the whole file, a 200
app.UseJsonRequestBodies();  // the API reads JSON only: any other body is a 415 problem
app.UseOpenApiDocument();    // the document always; Swagger UI in Development or when OpenApi:SwaggerUi is on
app.UseSite();               // the web client's files
app.UseAuthentication();     // the cookie, or a bearer token
app.UseCsrfGuard();
app.UseRateLimiter();
app.UseAuthorization();
app.UseTokenScopes();       // a token's request to a route its scopes do not open is a 403 naming the scope
app.UseIdempotencyKeys();    // a POST with an Idempotency-Key is done once per key and account; a retry is answered again

app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = Health.WriteAsync });
// Every text path parameter ({id}…) is at most 64 characters; a longer one names nothing: 404 (Platform/PathParameters.cs).
var api = app.MapGroup("/api").BoundPathParameters();
AccountsRoutes.Map(api);
TokensRoutes.Map(api);
JobsRoutes.Map(api);
BidsRoutes.Map(api);
ContractsRoutes.Map(api);
WorkersRoutes.Map(api);
ProducersRoutes.Map(api);
MoneyRoutes.Map(api);
PayoutsRoutes.Map(api);
InvoicesRoutes.Map(api);
NotificationsRoutes.Map(api);
AdminRoutes.Map(api);
SavedSearchesRoutes.Map(api);
// The public site's server-rendered parts: a job page's link-preview tags, the sitemap, robots.txt.
ShowJobPage.Map(app);
Sitemap.Map(app);
FilesRoutes.Map(api);
ConversationsRoutes.Map(api);
MailRoutes.Map(api);
// The mail's one-click unsubscribe page lives outside /api: a person opens it from a mail.
Unsubscribe.Map(app);
DisputesRoutes.Map(api);
LegalRoutes.Map(api);
HelpRoutes.Map(api);
BanksRoutes.Map(api);
EventsRoutes.Map(api);
WebhooksRoutes.Map(api);
ProgrammesRoutes.Map(api);
NdasRoutes.Map(api);
Marketplace.TaskJobs.TaskJobsRoutes.Map(api);
ContestsRoutes.Map(api);
TeamsRoutes.Map(api);
// Unknown API paths stay a 404 problem (a known path with the wrong method a 405, without its JSON body a 415); they
// must never fall through to the web client.
ApiFallback.Map(api);
app.MapFallbackToFile("index.html");

app.Run();

public partial class Program;
