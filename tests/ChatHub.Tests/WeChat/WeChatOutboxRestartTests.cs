using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Tests.Conversations.Store;
using GovAssistant.QaEngine;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>
/// Replies to WeChat users go through the durable outbox: a reply stored and claimed by a sender that died before
/// sending is sent once by the restarted node after the claim expires, and never again after another restart.
/// </summary>
public sealed class WeChatOutboxRestartTests
{
    [Fact]
    public async Task A_reply_claimed_by_a_sender_that_died_before_sending_is_sent_exactly_once_after_the_claim_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await WeChatHost.StartAsync(clock: clock);
        const string user = "oCitizen_Outbox01";
        await host.Mini.PushAsync(WeChatPusher.Text(user, "身份证丢了怎么补办"));
        var firstAnswer = await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.Contains("身份证"));
        // Stopped right after WeChat received the reply: the sender still records it as sent (else it would go again).
        var conversation = Assert.Single(await host.Chat.Services.GetRequiredService<IConversationStore>().ListAsync(new ConversationQuery()));
        await host.Chat.StopAsync();

        // While the node is down: the reply it stored with its outbox row, claimed by its sender, which then died.
        const string reply = "您好，补办身份证请携带户口簿到派出所办理。";
        var store = new SqliteConversationStore(StoreFixtures.MigratedSqlite(host.Chat.Folder.File("bank.db")));
        await store.AppendAsync(new NewMessage(conversation.Id, SenderKind.Agent, "zhang", "张敏", reply, clock.GetUtcNow(), "wechat", Push: true));
        var dead = Assert.Single(await store.ClaimOutboxAsync("wechat", "node-that-died", clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(2), 10));
        Assert.Equal(reply, dead.Message.Text);

        host.Chat.Start();
        Assert.DoesNotContain(host.WeChat.Sent, m => m.Content == reply);
        clock.Advance(TimeSpan.FromMinutes(3));
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content == reply);

        // Restarted again and asked again: the next reply goes out, the delivered one is not repeated before or after it.
        await host.Chat.StopAsync();
        host.Chat.Start();
        await host.Mini.PushAsync(WeChatPusher.Text(user, "居住证怎么办理"));
        var answer = WeChatText.FromMarkdown(host.Chat.Services.GetRequiredService<AnswerEngine>().Ask("居住证怎么办理").Entry!.Answer);
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && answer.StartsWith(m.Content[..20], StringComparison.Ordinal));
        Assert.Single(host.WeChat.Sent, m => m.Content == reply);
        Assert.Single(host.WeChat.Sent, m => m.Content == firstAnswer.Content);
    }
}
