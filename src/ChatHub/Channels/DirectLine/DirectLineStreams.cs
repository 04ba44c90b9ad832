using System.Threading.Channels;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// The open WebSocket streams of Direct Line conversations, each with its own queue of new messages. A stream that
/// falls too far behind is ended rather than buffered without bound: its client reconnects with its watermark and
/// reads what it missed from the store.
/// </summary>
public sealed class DirectLineStreams
{
    private const int MaxQueued = 1000;
    private readonly Dictionary<string, List<Channel<ChatMessage>>> _open = [];

    /// <summary>Starts queueing the new messages of <paramref name="conversationId"/> until the subscription is disposed.</summary>
    public Subscription Subscribe(string conversationId)
    {
        var queue = Channel.CreateBounded<ChatMessage>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
        lock (_open)
        {
            if (!_open.TryGetValue(conversationId, out var list)) _open[conversationId] = list = [];
            list.Add(queue);
        }
        return new Subscription(this, conversationId, queue);
    }

    /// <summary>How many streams are open on <paramref name="conversationId"/>.</summary>
    public int CountOpen(string conversationId)
    {
        lock (_open) return _open.TryGetValue(conversationId, out var list) ? list.Count : 0;
    }

    /// <summary>Hands a stored message to every stream open on its conversation.</summary>
    public void Publish(ChatMessage message)
    {
        Channel<ChatMessage>[] queues;
        lock (_open)
        {
            if (!_open.TryGetValue(message.ConversationId, out var list)) return;
            queues = [.. list];
        }
        foreach (var q in queues)
        {
            if (!q.Writer.TryWrite(message)) q.Writer.TryComplete(new InvalidOperationException("stream fell behind"));
        }
    }

    private void Remove(string conversationId, Channel<ChatMessage> queue)
    {
        lock (_open)
        {
            if (!_open.TryGetValue(conversationId, out var list)) return;
            list.Remove(queue);
            if (list.Count == 0) _open.Remove(conversationId);
        }
    }

    /// <summary>One stream's queue of new messages.</summary>
    public sealed class Subscription(DirectLineStreams owner, string conversationId, Channel<ChatMessage> queue) : IDisposable
    {
        /// <summary>New messages, in the order they were stored; completes with an error when the stream fell behind.</summary>
        public ChannelReader<ChatMessage> Messages => queue.Reader;

        /// <inheritdoc />
        public void Dispose() => owner.Remove(conversationId, queue);
    }
}
