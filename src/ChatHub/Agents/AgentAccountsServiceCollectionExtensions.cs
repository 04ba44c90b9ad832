using GovAssistant.ChatHub.Storage;
using GovAssistant.ChatHub.Bank;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Agents;

/// <summary>Registers staff accounts, the staff cookie, the agent/admin policies and the first-admin bootstrap.</summary>
internal static class AgentAccountsServiceCollectionExtensions
{
    /// <summary>
    /// Needs <c>AddBank()</c> first (the accounts live in its SQLite file). Configuration (see <see cref="AgentAccountOptions"/>):
    /// <code>"Agents": { "SessionLength": "08:00:00", "MaxFailedLogins": 5, "FailedLoginsPerAddress": 20, "FirstLoginDelay": "00:00:02" }</code>
    /// plus the secret <c>GOVASSISTANT_ADMIN_PASSWORD</c> from the environment for the first start.
    /// </summary>
    public static IHostApplicationBuilder AddAgentAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgentAccountOptions>().BindConfiguration(AgentAccountOptions.SectionName)
            .Configure<IConfiguration>((o, configuration) =>
            {
                if (configuration[AgentAccountOptions.AdminPasswordVariable] is { Length: > 0 } fromEnvironment) o.AdminPassword = fromEnvironment;
            })
            .Validate(o => o.SessionLength > TimeSpan.Zero, "Agents:SessionLength 必须大于 0")
            .Validate(o => o.MaxFailedLogins > 0 && o.FailedLoginsPerAddress > 0 && o.FailedLoginsPerAccount > 0,
                "Agents:MaxFailedLogins、FailedLoginsPerAddress 与 FailedLoginsPerAccount 必须大于 0")
            .Validate(o => o.FailureWindow > TimeSpan.Zero && o.FirstLoginDelay > TimeSpan.Zero && o.MaxLoginDelay >= o.FirstLoginDelay
                && o.MaxAccountLoginDelay > TimeSpan.Zero && o.PasswordCheckWait > TimeSpan.Zero,
                "Agents:FailureWindow、FirstLoginDelay、MaxLoginDelay、MaxAccountLoginDelay 与 PasswordCheckWait 必须大于 0")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddStore<AgentAccountStore, SqliteAgentAccountStore, PostgresAgentAccountStore>();
        builder.Services.AddStore<CannedReplyStore, SqliteCannedReplyStore, PostgresCannedReplyStore>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<PasswordCheckGate>();
        builder.Services.AddScoped<AgentCookieEvents>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, PasswordChangeGate>();

        builder.Services.AddAuthentication().AddCookie(AgentAuth.Scheme);
        builder.Services.AddOptions<CookieAuthenticationOptions>(AgentAuth.Scheme).Configure<IOptions<AgentAccountOptions>>((cookie, options) =>
        {
            cookie.Cookie.Name = AgentAuth.CookieName;
            cookie.Cookie.HttpOnly = true;
            // Strict: the console is same-origin, and no other site can make a browser send the staff cookie.
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.Value.SessionLength;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = options.Value.LoginPath;
            cookie.EventsType = typeof(AgentCookieEvents);
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AgentAuth.StaffPolicy, p => p.AddAuthenticationSchemes(AgentAuth.Scheme).RequireAuthenticatedUser())
            .AddPolicy(AgentAuth.AgentPolicy, p => p.AddAuthenticationSchemes(AgentAuth.Scheme).RequireAuthenticatedUser()
                .RequireRole(AgentRoles.Agent, AgentRoles.Supervisor, AgentRoles.Admin))
            .AddPolicy(AgentAuth.AdminPolicy, p => p.AddAuthenticationSchemes(AgentAuth.Scheme).RequireAuthenticatedUser()
                .RequireRole(AgentRoles.Admin))
            .AddPolicy(AgentAuth.SupervisorPolicy, p => p.AddAuthenticationSchemes(AgentAuth.Scheme).RequireAuthenticatedUser()
                .RequireRole(AgentRoles.Supervisor, AgentRoles.Admin))
            .AddPolicy(AgentAuth.BankPolicy, p => p.AddAuthenticationSchemes(AgentAuth.Scheme).RequireAuthenticatedUser()
                .RequireRole(AgentRoles.Editor, AgentRoles.Reviewer, AgentRoles.Admin));

        builder.Services.AddHostedService<AgentBootstrap>();
        return builder;
    }
}
