using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Keeps staff sessions honest: a session of a deleted or disabled account, or one issued before a password change,
/// ends at the next request; a session whose account changed (roles, departments, capacity) picks up the change.
/// API and hub calls get 401/403 ProblemDetails instead of a redirect to the login page.
/// </summary>
internal sealed class AgentCookieEvents(AgentAccountStore store, IOptions<AgentAccountOptions> options) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        // REVIEW: one indexed SQLite read per authenticated request; cache for a few seconds if it ever shows in profiles.
        var principal = context.Principal!;
        var id = principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var account = id is null ? null : await store.GetAsync(id, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.SecurityStamp != principal.FindFirst(AgentAuth.StampClaim)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AgentAuth.Scheme);
            return;
        }
        if (AgentAuth.VersionOf(account) != principal.FindFirst(AgentAuth.VersionClaim)?.Value)
        {
            context.ReplacePrincipal(AgentAuth.PrincipalFor(account));
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsBrowserPage(context.Request)
            ? RedirectTo(context, options.Value.LoginPath)
            : Problem(context.HttpContext, StatusCodes.Status401Unauthorized, "未登录", "请先登录坐席账号。");

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        Problem(context.HttpContext, StatusCodes.Status403Forbidden, "无权操作", "当前账号没有执行此操作的权限。");

    // Only a browser navigating to a page is sent to the login page; fetch calls, hubs and integrators get a status code.
    private static bool IsBrowserPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static Task RedirectTo(RedirectContext<CookieAuthenticationOptions> context, string loginPath)
    {
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{loginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return Task.CompletedTask;
    }

    private static Task Problem(HttpContext http, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(http);
}
