using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Limits;

/// <summary>
/// Per-client limits: forwarded headers from trusted proxies (so the client's real address is known), token-bucket
/// rate limits on the ask API, Direct Line, hub calls and WeChat pushes, and 429 answers as Chinese ProblemDetails.
/// </summary>
internal static class ClientLimitsServiceCollectionExtensions
{
    /// <summary>Policy of <c>POST /api/ask</c>: per client address.</summary>
    public const string AskPolicy = "client-ask";

    /// <summary>Policy of Direct Line activities: per conversation.</summary>
    public const string DirectLinePolicy = "client-directline";

    /// <summary>Sections <c>RateLimits</c> (<see cref="ClientLimitsOptions"/>) and <c>ForwardedHeaders</c> (<see cref="ForwardedHeadersSettings"/>).</summary>
    public static IHostApplicationBuilder AddClientLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientLimitsOptions>().BindConfiguration(ClientLimitsOptions.SectionName)
            .Validate(o => new[] { o.Ask, o.HubCalls, o.StaffHubCalls, o.DirectLine, o.WeChat }.All(r => r.PermitsPerMinute > 0 && r.Burst > 0),
                "RateLimits 下每一项的 PermitsPerMinute 与 Burst 都必须大于 0")
            .ValidateOnStart();
        builder.Services.AddSingleton<ClientRateLimits>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<HubRateLimitFilter>());

        var settings = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new();
        var (proxies, networks, error) = settings.Parse();
        if (error is not null) throw new InvalidOperationException(error);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = Math.Max(1, settings.ForwardLimit);
            // Configured lists replace ASP.NET Core's default (loopback only); none configured keeps it.
            if (proxies.Count + networks.Count == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
        });

        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(AskPolicy, context => ClientRateLimits.Partition(AskKey(context), Rules(context).Ask));
            o.AddPolicy(DirectLinePolicy, context => ClientRateLimits.Partition(DirectLineKey(context), Rules(context).DirectLine));
            o.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>
    /// The per-client limit of <c>POST /api/ask</c>: this node's bucket (ASP.NET Core's rate limiter), then the bucket
    /// shared by all nodes.
    /// </summary>
    public static RouteHandlerBuilder RequireAskLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireRateLimiting(AskPolicy).AddEndpointFilter(new SharedLimitFilter(AskKey, r => r.Ask));

    /// <summary>The per-conversation limit of Direct Line activities, on this node and across nodes.</summary>
    public static RouteHandlerBuilder RequireDirectLineLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireRateLimiting(DirectLinePolicy).AddEndpointFilter(new SharedLimitFilter(DirectLineKey, r => r.DirectLine));

    private static string AskKey(HttpContext context) => "ask:" + ClientAddress(context);

    private static string DirectLineKey(HttpContext context) =>
        "dl:" + (context.Request.RouteValues["conversationId"] as string ?? ClientAddress(context));

    /// <summary>The 429 a client over its limit gets, whichever bucket refused it.</summary>
    public static IResult TooManyRequests(HttpContext http, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(detail: $"请求过于频繁，请 {retryAfterSeconds} 秒后再试。", statusCode: StatusCodes.Status429TooManyRequests, title: "请求过多");
    }

    /// <summary>Reads the forwarded headers first, so everything after sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>The client's address (after the forwarded headers of a trusted proxy).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static ClientLimitsOptions Rules(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<ClientLimitsOptions>>().Value;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
        await TooManyRequests(http, seconds).ExecuteAsync(http);
    }
}
