using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Wakes <see cref="WeChatOutboxWorker"/> when this node stored a message for a WeChat user. The messages themselves wait
/// in the store's durable outbox (written with the message), so a crash or restart loses none.
/// </summary>
public sealed class WeChatOutbox
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Tells the sender there is something to send.</summary>
    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Returns when woken or after <paramref name="interval"/> on <paramref name="time"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(_signal.WaitAsync(either.Token), Task.Delay(interval, time, either.Token));
        await either.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}

/// <summary>
/// Marks what the user may see of WeChat conversations (bot answers, agent replies, system notices) for the outbox, and
/// wakes the sender. The user's own messages and private notes are not sent; each stored message is sent once.
/// </summary>
public sealed class WeChatForwarder(WeChatOutbox outbox) : IConversationObserver
{
    /// <inheritdoc />
    public bool PushesThroughOutbox(Conversation conversation, SenderKind sender) =>
        conversation.Channel == WeChatDialog.Channel && sender is not (SenderKind.Visitor or SenderKind.Note);

    /// <inheritdoc />
    public Task MessageAddedAsync(Conversation conversation, ChatMessage message)
    {
        if (PushesThroughOutbox(conversation, message.Sender)) outbox.Wake();
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
