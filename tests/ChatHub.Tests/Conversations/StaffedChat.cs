namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>
/// The set-up most live-chat tests share: a fresh host, agent 张敏 (any department) signed in and present, and a
/// visitor whose conversation <see cref="Id"/> has started.
/// </summary>
public sealed record StaffedChat(ConversationHost Host, AgentClient Agent, VisitorClient Visitor, string Id) : IAsyncDisposable
{
    public static async Task<StaffedChat> StartAsync()
    {
        var host = new ConversationHost().Start();
        try
        {
            await host.CreateAgentAsync("zhang", "张敏", ["*"]);
            var agent = await host.ConnectAgentAsync("zhang");
            await agent.HelloAsync();
            var visitor = await host.ConnectVisitorAsync();
            return new StaffedChat(host, agent, visitor, (await visitor.StartAsync()).Conversation.Id);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The conversation as the agent's queue shows it now.</summary>
    public async Task<Summary> QueuedAsync() => (await Agent.HelloAsync()).Queue.Single(q => q.Id == Id);

    public async ValueTask DisposeAsync()
    {
        await Visitor.DisposeAsync();
        await Agent.DisposeAsync();
        await Host.DisposeAsync();
    }
}
