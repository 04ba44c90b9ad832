using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Limits;

/// <summary>
/// After this node's rate limiter let a request through: the client's bucket shared by all nodes (Redis) must hold a
/// token too, else the same 429 as the local limiter's. On a single node it passes at once.
/// </summary>
internal sealed class SharedLimitFilter(Func<HttpContext, string> key, Func<ClientLimitsOptions, RateLimitRule> rule) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var r = rule(http.RequestServices.GetRequiredService<IOptions<ClientLimitsOptions>>().Value);
        if (await http.RequestServices.GetRequiredService<ClientRateLimits>().SharedAsync(key(http), r)) return await next(context);
        // The shared bucket gains a token every 60 s / PermitsPerMinute.
        return ClientLimitsServiceCollectionExtensions.TooManyRequests(http, Math.Max(1, (int)Math.Ceiling(60.0 / Math.Max(1, r.PermitsPerMinute))));
    }
}
