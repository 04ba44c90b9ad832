using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>Messages as the test clients receive them.</summary>
public sealed record Msg(string ConversationId, long Seq, string Sender, string? SenderName, string Text, JsonElement? Data)
{
    public string? Type => Data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("type", out var t) ? t.GetString() : null;

    public string? Decision => Data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("decision", out var t) ? t.GetString() : null;
}

public sealed record Summary(string Id, string State, string Channel, string? Category, string? Department, List<AgentRefDto> Agents, int? Rating);

public sealed record AgentRefDto(string Id, string Name);

public sealed record View(Summary Conversation, List<Msg> Messages, int? QueuePosition);

public sealed record Home(AgentRefDto Me, List<string> Departments, List<string> Roles, int Capacity, string Status,
    List<Summary> Queue, List<Summary> Active, List<Summary> Tickets);

/// <summary>A real SignalR connection that records every event it receives and can wait for one.</summary>
public abstract class RecordingClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<Msg> _messages = new();
    private readonly SemaphoreSlim _signal = new(0);

    protected RecordingClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<Msg>("Message", m =>
        {
            _messages.Enqueue(m);
            _signal.Release();
        });
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<Msg> Messages => [.. _messages];

    /// <summary>Waits until a received message matches, or fails after <paramref name="seconds"/>.</summary>
    public async Task<Msg> WaitForAsync(Func<Msg, bool> match, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = _messages.FirstOrDefault(match);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("没有收到预期的消息；已收到：" + string.Join(" | ", _messages.Select(m => $"{m.Seq}:{m.Sender}:{m.Type}:{m.Text}")));
            await _signal.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

public sealed class VisitorClient : RecordingClient
{
    private VisitorClient(HubConnection connection, string token) : base(connection) => Token = token;

    public string Token { get; }

    public static async Task<VisitorClient> ConnectAsync(ConversationHost host, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/visitor"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new VisitorClient(connection, token);
        await connection.StartAsync();
        return client;
    }

    public Task<View> StartAsync() => Connection.InvokeAsync<View>("Start");

    public Task<View> ResumeAsync(string conversationId, long afterSeq) => Connection.InvokeAsync<View>("Resume", conversationId, afterSeq);

    public Task SendAsync(string conversationId, string text) => Connection.InvokeAsync("Send", conversationId, text);

    /// <summary>Asks <paramref name="question"/>; returns once the bot has answered it.</summary>
    public async Task AskAnsweredAsync(string conversationId, string question)
    {
        var before = Messages.Where(m => m.ConversationId == conversationId).Select(m => m.Seq).DefaultIfEmpty().Max();
        await SendAsync(conversationId, question);
        await WaitForAsync(m => m.ConversationId == conversationId && m.Seq > before && m.Decision == "answered");
    }

    /// <summary>Asks for a person; returns the message that the conversation is queued.</summary>
    public async Task<Msg> RequestHumanAsync(string conversationId)
    {
        await Connection.InvokeAsync("RequestHuman", conversationId);
        return await WaitForAsync(m => m.ConversationId == conversationId && m.Type == "queued");
    }
}

public sealed class AgentClient : RecordingClient
{
    private readonly ConcurrentQueue<Summary> _offers = new();
    private readonly ConcurrentQueue<List<Summary>> _queues = new();
    private readonly SemaphoreSlim _queueSignal = new(0);

    private AgentClient(HubConnection connection, StaffSession session) : base(connection)
    {
        Session = session;
        connection.On<Summary>("Offered", s =>
        {
            _offers.Enqueue(s);
            _queueSignal.Release();
        });
        connection.On<List<Summary>>("QueueChanged", q =>
        {
            _queues.Enqueue(q);
            _queueSignal.Release();
        });
    }

    /// <summary>Waits until routing offers this agent a conversation that matches, or fails after <paramref name="seconds"/>.</summary>
    public async Task<Summary> WaitForOfferAsync(Func<Summary, bool> match, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = _offers.FirstOrDefault(match);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"没有收到预期的分配；已收到 {_offers.Count} 次");
            await _queueSignal.WaitAsync(left);
        }
    }

    /// <summary>Every queue the server pushed to this agent (QueueChanged), oldest first.</summary>
    public IReadOnlyList<List<Summary>> Queues => [.. _queues];

    /// <summary>Waits until a pushed queue (QueueChanged) matches, or fails after <paramref name="seconds"/>.</summary>
    public async Task<List<Summary>> WaitForQueueAsync(Func<List<Summary>, bool> match, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = _queues.FirstOrDefault(match);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"没有收到预期的队列；已收到 {_queues.Count} 次");
            await _queueSignal.WaitAsync(left);
        }
    }

    /// <summary>Conversations routing offered to this agent.</summary>
    public IReadOnlyList<Summary> Offers => [.. _offers];

    public StaffSession Session { get; }

    public static async Task<AgentClient> ConnectAsync(ConversationHost host, StaffSession session)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/agent"), o => o.Cookies = session.Cookies)
            .Build();
        var client = new AgentClient(connection, session);
        await connection.StartAsync();
        return client;
    }

    public Task<Home> HelloAsync() => Connection.InvokeAsync<Home>("Hello");
}
