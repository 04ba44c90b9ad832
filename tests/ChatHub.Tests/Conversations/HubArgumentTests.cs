using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>Hub calls whose arguments name no conversation are refused in Chinese, whatever the method.</summary>
public sealed class HubArgumentTests
{
    [Fact]
    public async Task EveryHubCallWithoutAConversationIdIsRefusedWithTheChineseNoAccessMessage()
    {
        await using var chat = await StaffedChat.StartAsync();
        var calls = new (HubConnection Hub, string Method, object?[] Arguments)[]
        {
            (chat.Visitor.Connection, "Send", [null, "居住证怎么办理"]),
            (chat.Visitor.Connection, "Rate", [null, 5, null]),
            (chat.Visitor.Connection, "Close", [null]),
            (chat.Agent.Connection, "Accept", [null]),
            (chat.Agent.Connection, "Send", [null, "您好"]),
            (chat.Agent.Connection, "Note", [null, "备注"]),
            (chat.Agent.Connection, "TransferToDepartment", [null, "税务局"]),
            (chat.Agent.Connection, "Recategorise", [null, "户籍", null]),
            (chat.Agent.Connection, "HandBack", [null]),
            (chat.Agent.Connection, "Close", [null]),
        };

        foreach (var (hub, method, arguments) in calls)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeCoreAsync(method, arguments));
            Assert.True(refused.Message.EndsWith("无权访问该会话", StringComparison.Ordinal), $"{method}: {refused.Message}");
        }
        // The visitor's own conversation is untouched and still answered.
        await chat.Visitor.AskAnsweredAsync(chat.Id, "身份证丢了怎么补办");
    }

    [Fact]
    public async Task AVisitorMessageWithANulCharacterIsStoredAndAnsweredWithoutIt()
    {
        // PostgreSQL cannot store U+0000: hub arguments drop it as request bodies do, on every provider alike.
        await using var host = new ConversationHost().Start();
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;

        await visitor.AskAnsweredAsync(id, "身份证丢了\0怎么补办");

        Assert.Contains(visitor.Messages, m => m.Sender == "visitor" && m.Text == "身份证丢了怎么补办");
    }
}
