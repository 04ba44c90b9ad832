using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Conversations;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// The WebSocket at a conversation's <c>streamUrl</c>: first what the client has not seen (after the watermark in the
/// URL), then every new message as it is stored (and agents' typing), each as an ActivitySet text message; empty messages keep an idle
/// connection alive. The client's own messages on the socket (Web Chat sends empty pings) are read and ignored.
/// </summary>
internal sealed class DirectLineStream(
    DirectLineTokens tokens,
    DirectLineStreams streams,
    ConversationService conversations,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStream> logger)
{
    private readonly DirectLineOptions _options = options.Value;

    public async Task RunAsync(HttpContext context, string conversationId)
    {
        var grant = tokens.ValidateStreamTicket(context.Request.Query["t"]);
        if (grant is null || grant.ConversationId != conversationId)
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "没有权限",
                detail: "streamUrl 无效或已过期：请重新获取会话（GET /v3/directline/conversations/{id}）以得到新的 streamUrl。").ExecuteAsync(context);
            return;
        }
        if (!ActivityIds.TryParseWatermark(context.Request.Query["watermark"], out var watermark))
        {
            await Problems.BadRequest("watermark 无效：应为服务返回的数字。").ExecuteAsync(context);
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.BadRequest("streamUrl 只接受 WebSocket 连接。").ExecuteAsync(context);
            return;
        }

        // Subscribe before reading the backlog, so nothing stored in between is lost; duplicates are dropped by seq.
        using var subscription = streams.Subscribe(conversationId);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // A stopping node closes its streams at once (Web Chat reconnects with its watermark, to another node behind the
        // proxy) instead of holding the shutdown until its timeout.
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var reading = DrainClientAsync(socket, closing);
        try
        {
            var last = await SendBacklogAsync(socket, grant, watermark, closing.Token);
            await SendLiveAsync(socket, grant.ConversationId, subscription.Events, last, closing.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
            // The client left, or fell behind: it reconnects with its watermark.
        }
        if (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException e)
            {
                logger.LogDebug(e, "Direct Line stream closed abruptly");
            }
        }
        // Give the client a moment to answer the close, then stop listening.
        closing.CancelAfter(TimeSpan.FromSeconds(5));
        await reading;
    }

    private async Task<long> SendBacklogAsync(WebSocket socket, DirectLineGrant grant, long? watermark, CancellationToken ct)
    {
        var last = watermark ?? 0;
        var conversation = await conversations.GetForVisitorAsync(grant.ConversationId, grant.VisitorId, ct);
        if (watermark is null)
            await SendAsync(socket, new ActivitySet([MessageActivities.Started(conversation.Id, conversation.VisitorId, conversation.CreatedAt)], null), ct);
        while (true)
        {
            var page = await conversations.HistoryForVisitorAsync(grant.ConversationId, grant.VisitorId, last, ct);
            if (page.Count == 0) return last;
            foreach (var chunk in page.Chunk(Math.Max(1, _options.MaxActivitiesPerSet)))
            {
                await SendAsync(socket, ActivitySetOf(chunk), ct);
                last = chunk[^1].Seq;
            }
        }
    }

    private async Task SendLiveAsync(WebSocket socket, string conversationId, ChannelReader<StreamEvent> events, long last, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            idle.CancelAfter(_options.KeepAliveInterval);
            bool more;
            try
            {
                more = await events.WaitToReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, ct);
                continue;
            }
            if (!more) return;
            var activities = new List<Activity>();
            while (events.TryRead(out var e))
            {
                if (e.Message is { } m && m.Seq > last)
                {
                    if (MessageActivities.Of(m) is { } activity) activities.Add(activity);
                    last = m.Seq;
                }
                else if (e is { Message: null, TypingAgent: { } agent })
                {
                    activities.Add(MessageActivities.AgentTyping(conversationId, agent));
                }
            }
            if (activities.Count == 0) continue;
            // Typing has no place in the transcript: the watermark stays at the last stored message.
            await SendAsync(socket, new ActivitySet(activities, ActivityIds.Watermark(last)), ct);
        }
    }

    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closing.IsCancellationRequested)
            {
                var frame = await socket.ReceiveAsync(buffer, closing.Token);
                if (frame.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing either way.
        }
        await closing.CancelAsync();
    }

    internal static ActivitySet ActivitySetOf(IReadOnlyList<ChatMessage> messages) =>
        new([.. messages.Select(MessageActivities.Of).OfType<Activity>()], ActivityIds.Watermark(messages[^1].Seq));

    private static Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken ct) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, DirectLineJson.Options), WebSocketMessageType.Text, true, ct);
}
