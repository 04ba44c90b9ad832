using GovAssistant.ChatHub.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>Conversations live in the database, not in the server process.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task QueuedAndActiveConversationsSurviveAServerRestartWithEveryMessage()
    {
        using var folder = new TempFolder();
        string queuedId, activeId, queuedToken, activeToken;
        View queuedBefore, activeBefore;

        await using (var host = new ConversationHost(folder).Start())
        {
            await host.CreateAgentAsync("zhang", "张敏", ["*"]);
            await using var agent = await host.ConnectAgentAsync("zhang");
            await using var waiting = await host.ConnectVisitorAsync();
            await using var served = await host.ConnectVisitorAsync();
            (queuedToken, activeToken) = (waiting.Token, served.Token);

            activeId = (await served.StartAsync()).Conversation.Id;
            await served.SendAsync(activeId, "转人工");
            await served.WaitForAsync(m => m.Type == "queued");
            await agent.Connection.InvokeAsync<Summary>("Accept", activeId);
            await agent.Connection.InvokeAsync("Send", activeId, "您好，请讲。");
            await served.WaitForAsync(m => m.Sender == "agent");

            queuedId = (await waiting.StartAsync()).Conversation.Id;
            await waiting.AskAnsweredAsync(queuedId, "居住证怎么办理");
            await waiting.RequestHumanAsync(queuedId);

            queuedBefore = await waiting.ResumeAsync(queuedId, 0);
            activeBefore = await served.ResumeAsync(activeId, 0);
        }

        await using (var host = new ConversationHost(folder).Start())
        {
            await using var waiting = await host.ConnectVisitorAsync(queuedToken);
            await using var served = await host.ConnectVisitorAsync(activeToken);
            var queuedAfter = await waiting.ResumeAsync(queuedId, 0);
            var activeAfter = await served.ResumeAsync(activeId, 0);

            Assert.Equal("queued", queuedAfter.Conversation.State);
            Assert.Equal("withAgent", activeAfter.Conversation.State);
            Assert.Equal(Transcript(queuedBefore), Transcript(queuedAfter));
            Assert.Equal(Transcript(activeBefore), Transcript(activeAfter));

            // The agent signs in again and carries on where they were.
            await using var agent = await host.ConnectAgentAsync("zhang");
            var home = await agent.HelloAsync();
            Assert.Contains(home.Active, a => a.Id == activeId);
            Assert.Contains(home.Queue, q => q.Id == queuedId);
            await agent.Connection.InvokeAsync("Send", activeId, "服务器重启后继续为您服务。");
            await served.WaitForAsync(m => m.Text == "服务器重启后继续为您服务。");
        }
    }

    private static string[] Transcript(View view) => view.Messages.Select(m => $"{m.Seq}|{m.Sender}|{m.Text}").ToArray();
}
