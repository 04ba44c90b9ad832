using System.Threading.Channels;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>Something a stream sends live: a stored message, or an agent typing (never stored, no watermark).</summary>
/// <param name="Message">The stored message, or null for typing.</param>
/// <param name="TypingAgent">The name of the agent typing, when <paramref name="Message"/> is null.</param>
public sealed record StreamEvent(ChatMessage? Message, string? TypingAgent = null);

/// <summary>
/// The open WebSocket streams of Direct Line conversations, each with its own queue of new messages. A stream that
/// falls too far behind is ended rather than buffered without bound: its client reconnects with its watermark and
/// reads what it missed from the store.
/// </summary>
public sealed class DirectLineStreams
{
    private const int MaxQueued = 1000;
    private readonly Dictionary<string, List<Channel<StreamEvent>>> _open = [];

    /// <summary>Starts queueing the new messages of <paramref name="conversationId"/> until the subscription is disposed.</summary>
    public Subscription Subscribe(string conversationId)
    {
        var queue = Channel.CreateBounded<StreamEvent>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
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
    public void Publish(ChatMessage message) => Publish(message.ConversationId, new StreamEvent(message));

    /// <summary>Tells every stream open on <paramref name="conversationId"/> that an agent is typing.</summary>
    public void PublishTyping(string conversationId, string agentName) => Publish(conversationId, new StreamEvent(null, agentName));

    private void Publish(string conversationId, StreamEvent e)
    {
        Channel<StreamEvent>[] queues;
        lock (_open)
        {
            if (!_open.TryGetValue(conversationId, out var list)) return;
            queues = [.. list];
        }
        foreach (var q in queues)
        {
            if (!q.Writer.TryWrite(e)) q.Writer.TryComplete(new InvalidOperationException("stream fell behind"));
        }
    }

    private void Remove(string conversationId, Channel<StreamEvent> queue)
    {
        lock (_open)
        {
            if (!_open.TryGetValue(conversationId, out var list)) return;
            list.Remove(queue);
            if (list.Count == 0) _open.Remove(conversationId);
        }
    }

    /// <summary>One stream's queue of new messages.</summary>
    public sealed class Subscription(DirectLineStreams owner, string conversationId, Channel<StreamEvent> queue) : IDisposable
    {
        /// <summary>New messages in the order they were stored, and typing; completes with an error when the stream fell behind.</summary>
        public ChannelReader<StreamEvent> Events => queue.Reader;

        /// <inheritdoc />
        public void Dispose() => owner.Remove(conversationId, queue);
    }
}
