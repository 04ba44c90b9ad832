using GovAssistant.ChatHub.Admin;
using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Assist;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Bank;
using GovAssistant.ChatHub.Channels.DirectLine;
using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.ChatHub.Cli;
using GovAssistant.ChatHub.Cluster;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Insights;
using GovAssistant.ChatHub.Operations;
using GovAssistant.ChatHub.Pages;
using GovAssistant.ChatHub.Service;
using GovAssistant.ChatHub.Limits;
using GovAssistant.ChatHub.Storage;
using GovAssistant.ChatHub.Security;
using GovAssistant.ChatHub.Visitors;
using GovAssistant.ChatHub.Welcome;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;

var command = CommandLine.Parse(args);
if (command.Verb == "eval")
{
    // Offline evaluation: the engine alone (with --llm: plus model assistance), no web host, no service database;
    // options from environment (QaEngine__…, Llm__…) or defaults.
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    return await EvalCommand.RunAsync(command, configuration.GetSection(QaEngineOptions.SectionName).Get<QaEngineOptions>() ?? new(), Console.Out);
}

// The service's own folder, not the caller's, is where its configuration and data live (Bank/ContentRoot.cs).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command.HostArguments,
    ContentRootPath = ContentRoot.For(command.HostArguments),
});

// Data folder, database and index: created private (0700/0600), checked writable and intact before any store opens them.
if (builder.PrepareDataFiles() is { } cannotStart)
{
    Console.Error.WriteLine(cannotStart);
    return 3;
}

// The database the host's stores share: SQLite file (default) or PostgreSQL (Storage:Provider), schema migrated.
builder.AddStorage();
// The bank: SQLite store, answering engine, seed load and publish at start-up.
builder.AddBank();
// Append-only audit log of administrative actions.
builder.Services.AddStore<AuditLog, SqliteAuditLog, PostgresAuditLog>();
// Bank administration: drafts and review, history, consistency checks (BankAdmin, Consistency sections).
builder.AddBankAdmin();
// The service's time zone (Service:TimeZone): dashboard days and hours, times on the staff pages.
builder.AddServiceTimeZone();
// Staff accounts: SQLite accounts, cookie sign-in, agent/admin policies, first admin on an empty database.
builder.AddAgentAccounts();
// Per-conversation engine context (ask API and conversations).
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ConversationContexts>();
// Model assistance (Llm section), off unless Llm:Endpoint is set: summaries, drafts, phrasings, question rewriting.
builder.AddLlmAssist();
// Conversations: state machine service, SQLite store, presence, SignalR hubs.
builder.AddConversations();
// Question log (masked), unanswered clusters, suggestions and the service-quality dashboard.
builder.AddInsights();
// Anonymous visitors: signed tokens and their authentication scheme.
builder.AddVisitors();
// WeChat channel (mini-program / official account message push), off unless WeChat:Enabled.
builder.AddWeChat();
// Bot Framework Direct Line 3.0 channel for sites embedding Microsoft's Web Chat (docs/directline.md).
builder.AddDirectLine();
// The visitor's first screen: most-asked questions, service themes, hotline (Welcome section).
builder.AddWelcome();
// wwwroot compressed and cacheable (StaticFiles section).
builder.AddStaticPages();
// OpenAPI description of the REST APIs, served at /openapi/v1.json.
builder.AddApiDescription();
// Per-client limits: trusted proxies' forwarded headers, rate limits on ask, hubs, Direct Line and WeChat (RateLimits section).
builder.AddClientLimits();
// N nodes as one (ConnectionStrings:Redis, off when empty): SignalR backplane, shared presence, key ring, bank announcements.
builder.AddCluster();
// Browser protections: security headers, staff Origin/antiforgery checks, no Server header (Security section).
builder.AddWebSecurity();
// Readiness (database, bank, Redis) and liveness checks, OpenTelemetry metrics for Prometheus (Metrics section).
builder.AddOperations();
// Errors as ProblemDetails.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Localize);

if (command.Verb == "import")
{
    using var host = builder.Build();
    return await ImportCommand.RunAsync(command, host.Services, Console.Out);
}

var app = builder.Build();
// First: a trusted proxy's X-Forwarded-For/-Proto, so everything after sees the citizen's address and https.
app.UseClientAddress();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
// Pages: visitor widget at /, agents' console at /agent (wwwroot).
app.UseStaticPages();

app.MapGet("/healthz", (AnswerEngine engine, DatabaseHealth database) => Results.Ok(new
{
    status = "ok", entries = engine.EntryCount, revision = engine.Revision,
    database = new { integrity = database.Integrity, checkedAt = database.CheckedAt },
}));
// /healthz/live, /healthz/ready and /metrics (loopback and Metrics:AllowedNetworks only).
app.MapOperations();
app.UseAuthentication();
app.UseStaffRequestGuard();
app.UseAuthorization();
app.UseRateLimiter();
app.MapAgentAccountsApi();
app.MapCannedRepliesApi();
app.MapBankAdmin();
app.MapAsk();
app.MapVisitorsApi();
app.MapWelcomeApi();
app.MapConversationHubs();
app.MapWeChat();
app.MapDirectLine();
app.MapInsightsApi();
app.MapApiDescription();
app.MapAssistApi();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
