using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Security;
using Microsoft.AspNetCore.SignalR;

namespace GovAssistant.ChatHub.Hubs;

/// <summary>
/// Turns the service's refusals (no access, illegal transition, invalid input) into a <see cref="HubException"/>
/// carrying the Chinese message the client shows, noted briefly in the <see cref="RefusalLog"/>; anything else
/// becomes a generic message and is logged as an error with its stack trace.
/// </summary>
internal sealed class HubErrorFilter(ILogger<HubErrorFilter> logger, RefusalLog refusals) : IHubFilter
{
    /// <summary>
    /// SignalR's own dispatcher logs every exception a hub method throws, refusals included, as an error with a stack
    /// trace; this filter logs each failure once, as it deserves, so the dispatcher's category is silenced.
    /// </summary>
    public const string DispatcherLogCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is ConversationAccessException or IllegalTransitionException or ArgumentException)
        {
            refusals.Refused($"{context.Hub.GetType().Name}.{context.HubMethodName}", e.Message);
            throw new HubException(e.Message);
        }
        catch (HubException e)
        {
            refusals.Refused($"{context.Hub.GetType().Name}.{context.HubMethodName}", e.Message);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException("服务暂时不可用，请稍后再试。");
        }
    }
}
