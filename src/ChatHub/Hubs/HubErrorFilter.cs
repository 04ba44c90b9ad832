using GovAssistant.ChatHub.Conversations;
using Microsoft.AspNetCore.SignalR;

namespace GovAssistant.ChatHub.Hubs;

/// <summary>
/// Turns the service's refusals (no access, illegal transition, invalid input) into a <see cref="HubException"/>
/// carrying the Chinese message the client shows; anything else becomes a generic message and is logged.
/// </summary>
internal sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is ConversationAccessException or IllegalTransitionException or ArgumentException)
        {
            throw new HubException(e.Message);
        }
        catch (Exception e) when (e is not HubException)
        {
            logger.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException("服务暂时不可用，请稍后再试。");
        }
    }
}
