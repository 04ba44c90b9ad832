using GovAssistant.ChatHub.Admin;
using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Bank;
using GovAssistant.ChatHub.Channels.DirectLine;
using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.ChatHub.Cli;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Insights;
using GovAssistant.ChatHub.Security;
using GovAssistant.ChatHub.Visitors;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;

var command = CommandLine.Parse(args);
if (command.Verb == "eval")
{
    // Offline evaluation: the engine alone, no web host, no database; options from environment (QaEngine__…) or defaults.
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    return EvalCommand.Run(command, configuration.GetSection(QaEngineOptions.SectionName).Get<QaEngineOptions>() ?? new(), Console.Out);
}

var builder = WebApplication.CreateBuilder(command.HostArguments);

// The bank: SQLite store, answering engine, seed load and publish at start-up.
builder.AddBank();
// Append-only audit log of administrative actions.
builder.Services.AddSingleton<AuditLog>();
// Bank administration: drafts and review, history, consistency checks (BankAdmin, Consistency sections).
builder.AddBankAdmin();
// Staff accounts: SQLite accounts, cookie sign-in, agent/admin policies, first admin on an empty database.
builder.AddAgentAccounts();
// Per-conversation engine context (ask API and conversations).
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ConversationContexts>();
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
// Browser protections: security headers, staff Origin/antiforgery checks, no Server header (Security section).
builder.AddWebSecurity();
// Errors as ProblemDetails.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Localize);

if (command.Verb == "import")
{
    using var host = builder.Build();
    var store = host.Services.GetRequiredService<FaqStore>();
    return await ImportCommand.RunAsync(command, store, Console.Out);
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
// Pages: visitor widget at /, agents' console at /agent (wwwroot).
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapGet("/healthz", (AnswerEngine engine) => Results.Ok(new { status = "ok", entries = engine.EntryCount, revision = engine.Revision }));
app.UseAuthentication();
app.UseStaffRequestGuard();
app.UseAuthorization();
app.UseRateLimiter();
app.MapAgentAccountsApi();
app.MapCannedRepliesApi();
app.MapBankAdmin();
app.MapAsk();
app.MapVisitorsApi();
app.MapConversationHubs();
app.MapWeChat();
app.MapDirectLine();
app.MapInsightsApi();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
