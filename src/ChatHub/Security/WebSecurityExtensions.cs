using GovAssistant.ChatHub.Agents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace GovAssistant.ChatHub.Security;

/// <summary>Registers and wires the browser-facing protections (see <see cref="WebSecurityOptions"/>).</summary>
internal static class WebSecurityExtensions
{
    /// <summary>
    /// Options, antiforgery tokens, no <c>Server</c> header, hub refusals in Chinese. Call after <c>AddConversations()</c>
    /// (it replaces SignalR's JSON protocol). Configuration: <code>"Security": { "AllowedOrigins": [], "WidgetFrameAncestors": [] }</code>
    /// </summary>
    public static IHostApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebSecurityOptions>().BindConfiguration(WebSecurityOptions.SectionName)
            .Validate(o => o.AllowedOrigins.Concat(o.WidgetFrameAncestors).All(IsOrigin),
                "Security:AllowedOrigins 与 WidgetFrameAncestors 的每一项都必须是 http(s)://主机[:端口] 形式的来源")
            .ValidateOnStart();
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = StaffRequestGuard.HeaderName;
            o.Cookie.Name = "govassistant.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sets the framing headers for every response.
            o.SuppressXFrameOptionsHeader = true;
        });
        // "Server: Kestrel" tells an attacker what to try first.
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        TextCheckingHubProtocol.Replace(builder.Services);
        // A query value that does not parse (?page=%00) is the client's error: 400, not the exception handler's 500
        // (minimal APIs throw it in Development; Kestrel throws it for bodies over its limit, with 413).
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500);
        return builder;
    }

    /// <summary>Security headers on every response, and no NUL in any query string; call early, before static files.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>().UseMiddleware<NulInQuery>();

    /// <summary>
    /// The Origin and antiforgery checks of staff requests (after <c>UseAuthentication</c>, before <c>UseAuthorization</c>),
    /// and <c>GET /api/agents/antiforgery</c>, which hands a signed-in staff page its token.
    /// </summary>
    public static WebApplication UseStaffRequestGuard(this WebApplication app)
    {
        app.UseMiddleware<StaffRequestGuard>();
        app.MapGet("/api/agents/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
                Results.Ok(new { token = antiforgery.GetAndStoreTokens(http).RequestToken, headerName = StaffRequestGuard.HeaderName }))
            .RequireAuthorization(AgentAuth.StaffPolicy)
            // The forced password change at first sign-in is itself a state-changing call that needs the token.
            .WithMetadata(new AllowPendingPasswordChange());
        return app;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && !value.TrimEnd('/').EndsWith('/');
}
