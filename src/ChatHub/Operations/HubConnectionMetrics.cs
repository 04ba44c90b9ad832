using Microsoft.AspNetCore.SignalR;

namespace GovAssistant.ChatHub.Operations;

/// <summary>Counts open connections per hub (visitor, agent): a hub filter sees every connect and disconnect.</summary>
internal sealed class HubConnectionMetrics(ServiceMetrics metrics) : IHubFilter
{
    private const string Counted = "GovAssistant.Operations.Counted";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        // Only connections the hub accepted; a refused one (bad token) never counted, so its disconnect must not either.
        context.Context.Items[Counted] = true;
        metrics.HubConnection(HubName(context.Hub), +1);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.Remove(Counted)) metrics.HubConnection(HubName(context.Hub), -1);
        }
    }

    private static string HubName(Hub hub) => hub.GetType().Name.Replace("Hub", "", StringComparison.Ordinal).ToLowerInvariant();
}
