using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>A visitor's SignalR connection through the proxy that records what it receives and when it reconnected.</summary>
public sealed class VisitorConnection : RecordingClient
{
    private readonly SemaphoreSlim _reconnected = new(0);

    public VisitorConnection(HubConnection connection, string token) : base(connection)
    {
        Token = token;
        connection.Reconnected += _ =>
        {
            _reconnected.Release();
            return Task.CompletedTask;
        };
    }

    public string Token { get; }

    /// <summary>The highest sequence number received so far (what a page remembers to resume from).</summary>
    public long LastSeq => Messages.Count == 0 ? 0 : Messages.Max(m => m.Seq);

    /// <summary>Waits until the client has reconnected by itself (automatic reconnect), or fails after <paramref name="seconds"/>.</summary>
    public async Task WaitForReconnectAsync(int seconds = 30)
    {
        if (!await _reconnected.WaitAsync(TimeSpan.FromSeconds(seconds)))
            throw new TimeoutException($"访客在 {seconds} 秒内没有重新连接（状态：{Connection.State}）");
    }

    public Task<View> StartAsync() => Connection.InvokeAsync<View>("Start");

    public Task<View> ResumeAsync(string conversationId, long afterSeq) => Connection.InvokeAsync<View>("Resume", conversationId, afterSeq);

    public Task SendAsync(string conversationId, string text) => Connection.InvokeAsync("Send", conversationId, text);
}
