using GovAssistant.ChatHub.Agents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Security;

/// <summary>
/// Cross-site request forgery defence for the staff side. SameSite=Strict keeps other <em>sites</em> out, but not
/// another origin of the same site (another port on the same host). So: every state-changing staff request and every
/// request to the agent hub (negotiate, WebSocket upgrade) must come from an allowed origin; and a browser's
/// state-changing staff API call must also carry the antiforgery token the staff pages fetch
/// (<c>GET /api/agents/antiforgery</c>, sent back in <see cref="HeaderName"/>). Clients that are not browsers send
/// neither Origin nor Sec-Fetch-Site and carry no ambient credentials to abuse, so they need no token.
/// </summary>
internal sealed class StaffRequestGuard(
    RequestDelegate next, IAntiforgery antiforgery, IAuthorizationPolicyProvider policies, IOptions<WebSecurityOptions> options)
{
    /// <summary>Header carrying the antiforgery request token.</summary>
    public const string HeaderName = "X-CSRF-TOKEN";

    /// <summary>Response header marking a refusal for a missing or stale token, so the page fetches a new one and retries.</summary>
    public const string FailureHeader = "X-Antiforgery";

    private readonly HashSet<string> _allowed = new(options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var session = request.Path.StartsWithSegments("/api/agents/login") || request.Path.StartsWithSegments("/api/agents/logout");
        var hub = request.Path.StartsWithSegments("/hubs/agent");
        var staff = session || hub || await IsStaffEndpointAsync(context.GetEndpoint());
        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

        if (staff && (changes || hub) && !FromAllowedOrigin(request))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "来源不被允许", "该请求来自未被允许的网页来源，已拒绝。请从本系统的工作台页面操作。");
            return;
        }
        if (staff && changes && !hub && !request.Path.StartsWithSegments("/api/agents/login") && IsBrowser(request)
            && !await HasValidTokenAsync(context))
        {
            context.Response.Headers[FailureHeader] = "invalid";
            await Refuse(context, StatusCodes.Status400BadRequest, "页面已过期", "安全校验未通过（缺少或过期的防伪令牌），请刷新页面后重试。");
            return;
        }
        await next(context);
    }

    // An endpoint whose authorization signs in with the staff cookie, whatever its policy is called.
    private async Task<bool> IsStaffEndpointAsync(Endpoint? endpoint)
    {
        if (endpoint is null) return false;
        var policy = await AuthorizationPolicy.CombineAsync(policies,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        return policy is not null && policy.AuthenticationSchemes.Contains(AgentAuth.Scheme);
    }

    private static bool IsBrowser(HttpRequest request) => request.Headers.Origin.Count > 0 || request.Headers["Sec-Fetch-Site"].Count > 0;

    private bool FromAllowedOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            // No Origin: not a browser, or a browser that says where the request came from in Sec-Fetch-Site.
            var site = request.Headers["Sec-Fetch-Site"].ToString();
            return site.Length == 0 || site is "same-origin" or "none";
        }
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || _allowed.Contains(origin);
    }

    private async Task<bool> HasValidTokenAsync(HttpContext context)
    {
        // Checked before anything reads the body: a forged form post is refused without parsing it.
        if (context.Request.Headers[HeaderName].Count == 0) return false;
        // The token is bound to the signed-in account; the staff cookie is not the default scheme, so sign in here.
        var result = await context.AuthenticateAsync(AgentAuth.Scheme);
        if (result.Succeeded) context.User = result.Principal;
        return await antiforgery.IsRequestValidAsync(context);
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
}
