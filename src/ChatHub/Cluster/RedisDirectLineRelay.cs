using System.Text.Json;
using GovAssistant.ChatHub.Channels.DirectLine;
using GovAssistant.ChatHub.Conversations;
using StackExchange.Redis;

namespace GovAssistant.ChatHub.Cluster;

/// <summary>
/// The Direct Line observer of a cluster, in place of <see cref="DirectLineBroadcaster"/>: a Web Chat WebSocket is
/// held by one node while the message may be stored by any, so each new visible message (and an agent's typing) of a
/// Direct Line conversation goes out on a Redis channel, and every node hands what it hears to the streams it holds.
/// Messages are read from one ordered queue, so a stream gets them in the order they were stored. While Redis is
/// unreachable the message goes to this node's streams only; the others catch up from the store by watermark when
/// their client reconnects.
/// </summary>
internal sealed class RedisDirectLineRelay(ClusterRedis redis, DirectLineStreams streams, ILogger<RedisDirectLineRelay> logger)
    : BackgroundService, IConversationObserver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RedisChannel Channel => redis.Channel("directline");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var queue = await redis.Connection.GetSubscriber().SubscribeAsync(Channel);
            queue.OnMessage(m => Deliver(m.Message.ToString()));
            stoppingToken.Register(() => queue.Unsubscribe());
        }
        catch (Exception e) when (ClusterMemory.Unreachable(e))
        {
            logger.LogError(e, "Redis unreachable at start; Direct Line streams of this node hear only this node's messages");
        }
    }

    public Task MessageAddedAsync(Conversation conversation, ChatMessage message) =>
        conversation.Channel == DirectLineChannel.Name && message.IsVisibleToVisitor
            ? SendAsync(new Relayed(message.ConversationId, message, null))
            : Task.CompletedTask;

    public Task AgentTypingAsync(Conversation conversation, string agentName) =>
        conversation.Channel == DirectLineChannel.Name ? SendAsync(new Relayed(conversation.Id, null, agentName)) : Task.CompletedTask;

    public Task ConversationChangedAsync(Conversation conversation) => Task.CompletedTask;

    public Task OfferedAsync(Conversation conversation, string agentId) => Task.CompletedTask;

    public Task QueueChangedAsync(IReadOnlyList<Conversation> queue) => Task.CompletedTask;

    private async Task SendAsync(Relayed relayed)
    {
        try
        {
            await redis.Connection.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(relayed, Json));
        }
        catch (Exception e) when (ClusterMemory.Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; Direct Line message of {Conversation} delivered on this node only", relayed.ConversationId);
            Publish(relayed);
        }
    }

    private void Deliver(string json)
    {
        try
        {
            if (JsonSerializer.Deserialize<Relayed>(json, Json) is { } relayed) Publish(relayed);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Unreadable Direct Line relay message ignored");
        }
    }

    private void Publish(Relayed relayed)
    {
        // Most nodes hold no stream of a given conversation.
        if (streams.CountOpen(relayed.ConversationId) == 0) return;
        if (relayed.Message is { } message) streams.Publish(message);
        else if (relayed.TypingAgent is { } agent) streams.PublishTyping(relayed.ConversationId, agent);
    }

    private sealed record Relayed(string ConversationId, ChatMessage? Message, string? TypingAgent);
}
