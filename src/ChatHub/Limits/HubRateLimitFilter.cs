using Microsoft.AspNetCore.SignalR;

namespace GovAssistant.ChatHub.Limits;

/// <summary>
/// Counts every hub method call against its caller's bucket (the visitor; the staff account, under its own larger
/// rule; the connection when neither is known); a call over the limit is refused with a <see cref="HubException"/>
/// the page shows and is never run, so a flood of <c>Send</c> stores nothing.
/// </summary>
internal sealed class HubRateLimitFilter(ClientRateLimits limits) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var hub = context.Hub.GetType().Name;
        var caller = context.Context.UserIdentifier is { } user ? $"{hub}:{user}" : $"{hub}#{context.Context.ConnectionId}";
        if (!await limits.TryAcquireHubCallAsync(caller, staff: context.Hub is Hubs.AgentHub)) throw new HubException("操作过于频繁，请稍后再试。");
        return await next(context);
    }
}
