using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.DirectLine;

/// <summary>
/// A Direct Line 3.0 client written from the protocol, as a site's back end or a non-Web-Chat client would: plain
/// HTTP on loopback for the REST calls, a real <see cref="ClientWebSocket"/> for the stream.
/// </summary>
public sealed class DirectLineClient(Uri address) : IDisposable
{
    public const string Secret = "test-secret-9Vq2-Lantern-Harbor";
    public const string OtherSecret = "test-secret-other-7Kd4-Meadow";

    private readonly HttpClient _http = new() { BaseAddress = address };

    /// <summary>A host with the Direct Line channel switched on by a secret (never committed: tests set it).</summary>
    public static ConversationHost Host(Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? []) { ["DirectLine:Secrets:0"] = Secret };
        return new ConversationHost(settings: all);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, string? json = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, "/v3/directline" + path);
        if (credential is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        }
        return _http.SendAsync(request);
    }

    public async Task<JsonObject> JsonAsync(HttpMethod method, string path, string? credential, string? json = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, credential, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>POST /tokens/generate with the secret: a token for a new conversation.</summary>
    public Task<JsonObject> GenerateTokenAsync(string? body = null) => JsonAsync(HttpMethod.Post, "/tokens/generate", Secret, body);

    /// <summary>POST /conversations with a token (or the secret): conversationId, token, streamUrl.</summary>
    public Task<JsonObject> StartAsync(string credential) => JsonAsync(HttpMethod.Post, "/conversations", credential, expected: HttpStatusCode.Created);

    /// <summary>A token and its started conversation.</summary>
    public async Task<Session> NewSessionAsync()
    {
        var generated = await GenerateTokenAsync();
        var started = await StartAsync(generated.Str("token")!);
        return new Session(started.Str("conversationId")!, started.Str("token")!, started.Str("streamUrl")!);
    }

    /// <summary>Posts a message activity the way Web Chat does (with a clientActivityID) and returns the id it got.</summary>
    public async Task<string> SayAsync(Session s, string text, string? clientActivityId = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "r_test", ["name"] = "测试用户", ["role"] = "user" },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "zh-CN",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        var answer = await JsonAsync(HttpMethod.Post, $"/conversations/{s.ConversationId}/activities", s.Token, activity.ToJsonString());
        return answer.Str("id")!;
    }

    public Task<JsonObject> ActivitiesAsync(Session s, string? watermark = null) =>
        JsonAsync(HttpMethod.Get, $"/conversations/{s.ConversationId}/activities" + (watermark is null ? "" : "?watermark=" + watermark), s.Token);

    public void Dispose() => _http.Dispose();
}

/// <summary>A started conversation and its token.</summary>
public sealed record Session(string ConversationId, string Token, string StreamUrl);

/// <summary>A WebSocket on a streamUrl that records every ActivitySet and can wait for an activity.</summary>
public sealed class ActivityStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentQueue<JsonObject> _activities = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    public IReadOnlyList<JsonObject> Activities => [.. _activities];

    /// <summary>Watermarks of the ActivitySets received, in order.</summary>
    public ConcurrentQueue<string?> Watermarks { get; } = new();

    public static async Task<ActivityStream> OpenAsync(string streamUrl)
    {
        var stream = new ActivityStream();
        await stream._socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        stream._reading = stream.ReadAsync();
        return stream;
    }

    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = _activities.FirstOrDefault(match);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException("流中没有预期的活动；已收到：" + string.Join(" | ", _activities.Select(a => $"{a.Str("id")}:{a.Str("type")}:{a["from"]?["role"]}:{a.Str("text")}")));
            await _signal.WaitAsync(left);
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult frame;
                do
                {
                    frame = await _socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, frame.Count);
                } while (!frame.EndOfMessage);
                if (frame.MessageType == WebSocketMessageType.Close) return;
                if (message.Length == 0) continue;               // keep-alive
                var set = JsonNode.Parse(message.ToArray())!.AsObject();
                Watermarks.Enqueue(set.Str("watermark"));
                foreach (var a in set["activities"]!.AsArray()) _activities.Enqueue(a!.AsObject());
                _signal.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The reader sees the server's answering close frame and ends.
            if (_socket.State == WebSocketState.Open) await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        _stop.CancelAfter(TimeSpan.FromSeconds(5));
        await _reading;
        _socket.Dispose();
    }
}

public static class JsonObjectExtensions
{
    public static string? Str(this JsonNode? node, string field) =>
        node?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The sequence number in an activity id "{conversationId}|0000007".</summary>
    public static long Seq(this JsonObject activity) => long.Parse(activity.Str("id")!.Split('|')[1]);

    public static string[] Buttons(this JsonObject activity) =>
        activity["suggestedActions"]?["actions"]?.AsArray().Select(a => a!.Str("value")!).ToArray() ?? [];
}
