using System.Threading.Channels;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>A stored message to deliver to the WeChat user of its conversation.</summary>
public sealed record WeChatOutbound(string ConversationId, string VisitorId, ChatMessage Message);

/// <summary>
/// Messages waiting for delivery through the customer-service API. Observers are called while the conversation
/// is locked, so they only queue here; <see cref="WeChatOutboxWorker"/> sends, retries and reports failures.
/// </summary>
public sealed class WeChatOutbox
{
    private readonly Channel<WeChatOutbound> _queue = Channel.CreateUnbounded<WeChatOutbound>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Messages to deliver, in the order they were stored.</summary>
    public ChannelReader<WeChatOutbound> Reader => _queue.Reader;

    /// <summary>Queues a message for delivery.</summary>
    public void Enqueue(WeChatOutbound outbound) => _queue.Writer.TryWrite(outbound);
}

/// <summary>
/// Forwards what the user may see of WeChat conversations (bot answers, agent replies, system notices) to the
/// outbox. The user's own messages and private notes are not sent; each stored message is forwarded once.
/// </summary>
public sealed class WeChatForwarder(WeChatOutbox outbox) : IConversationObserver
{
    /// <inheritdoc />
    public Task MessageAddedAsync(Conversation conversation, ChatMessage message)
    {
        if (conversation.Channel == WeChatDialog.Channel && message.IsVisibleToVisitor && message.Sender != SenderKind.Visitor)
            outbox.Enqueue(new WeChatOutbound(conversation.Id, conversation.VisitorId, message));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ConversationChangedAsync(Conversation conversation) => Task.CompletedTask;

    /// <inheritdoc />
    public Task OfferedAsync(Conversation conversation, string agentId) => Task.CompletedTask;

    /// <inheritdoc />
    // Queue positions are not pushed: each customer-service message counts against WeChat's quota per user message.
    public Task QueueChangedAsync(IReadOnlyList<Conversation> queue) => Task.CompletedTask;
}
