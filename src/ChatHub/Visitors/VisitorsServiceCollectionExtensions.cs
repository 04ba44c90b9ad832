using System.Threading.RateLimiting;
using GovAssistant.ChatHub.Bank;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace GovAssistant.ChatHub.Visitors;

/// <summary>Registers visitor tokens, their authentication scheme and policy.</summary>
internal static class VisitorsServiceCollectionExtensions
{
    public const string IssueRateLimit = "visitor-issue";

    public static IHostApplicationBuilder AddVisitors(this IHostApplicationBuilder builder)
    {
        // Keys beside the database, so tokens stay valid across restarts.
        builder.Services.AddDataProtection()
            .SetApplicationName("GovAssistant")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(StoragePaths.Resolve(builder).DataFolder, "keys")));
        builder.Services.AddSingleton<VisitorTokens>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, VisitorAuthentication>(VisitorAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(VisitorAuthentication.Policy, p =>
            p.AddAuthenticationSchemes(VisitorAuthentication.SchemeName).RequireAuthenticatedUser());
        var permits = builder.Configuration.GetSection(VisitorOptions.SectionName).Get<VisitorOptions>()?.IssuePermitsPerMinute
            ?? new VisitorOptions().IssuePermitsPerMinute;
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // One address may open only so many new visitor identities a minute.
            o.AddPolicy(IssueRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }
}
