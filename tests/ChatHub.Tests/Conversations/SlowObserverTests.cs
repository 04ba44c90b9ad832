using System.Collections.Concurrent;
using GovAssistant.ChatHub.Conversations;
using Microsoft.AspNetCore.TestHost;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>Observers hear a conversation after its lock is released, in the order its messages were stored.</summary>
public sealed class SlowObserverTests
{
    [Fact]
    public async Task A_slow_observer_does_not_keep_the_next_message_of_the_same_conversation_from_being_stored()
    {
        var slow = new GatedObserver();
        await using var host = new ConversationHost(configure: b => b.ConfigureTestServices(s => s.AddSingleton<IConversationObserver>(slow))).Start();
        var service = host.Services.GetRequiredService<ConversationService>();
        var store = host.Services.GetRequiredService<IConversationStore>();
        var c = await service.StartAsync("visitor-1", "web");
        slow.Close(c.Id);

        var first = service.VisitorSaysAsync(c.Id, "visitor-1", "身份证丢了怎么补办");
        await slow.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = service.VisitorSaysAsync(c.Id, "visitor-1", "居住证怎么办理");

        // Stored while the observer still holds the first message's broadcast.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await store.GetMessagesAsync(c.Id, 0, includeNotes: true)).Any(m => m.Text == "居住证怎么办理"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the second message was not stored while the observer was slow");
            await Task.Yield();
        }
        Assert.False(first.IsCompleted || second.IsCompleted);

        slow.Open();
        await Task.WhenAll(first, second);
        var heard = slow.Heard.ToList();
        Assert.Equal(heard.Order(), heard);
        Assert.Equal((await store.GetMessagesAsync(c.Id, 1, includeNotes: true)).Select(m => m.Seq), heard);
    }

    /// <summary>Holds every broadcast of one conversation until opened, and records the messages it heard.</summary>
    private sealed class GatedObserver : IConversationObserver
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _conversationId;

        public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<long> Heard { get; } = new();

        public void Close(string conversationId) => _conversationId = conversationId;

        public void Open() => _gate.TrySetResult();

        public async Task MessageAddedAsync(Conversation conversation, ChatMessage message)
        {
            if (conversation.Id != _conversationId) return;
            Blocked.TrySetResult();
            await _gate.Task;
            Heard.Enqueue(message.Seq);
        }

        public Task ConversationChangedAsync(Conversation conversation) => Task.CompletedTask;

        public Task OfferedAsync(Conversation conversation, string agentId) => Task.CompletedTask;

        public Task QueueChangedAsync(IReadOnlyList<Conversation> queue) => Task.CompletedTask;
    }
}
