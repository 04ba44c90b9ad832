using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace GovAssistant.ChatHub.Tests.Fuzz;

/// <summary>
/// A SignalR JSON-protocol connection over a bare WebSocket, so a test can send exactly the bytes a browser or an
/// attacker would (lone surrogate escapes, wrong argument types and counts) rather than what the .NET client allows.
/// </summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly StringBuilder _pending = new();
    private readonly Queue<string> _frames = new();
    // Keeps a character split across two reads whole.
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

    private RawHubSocket() { }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Connects to <paramref name="hub"/> (a ws:// address) and completes the JSON handshake.</summary>
    public static async Task<RawHubSocket> ConnectAsync(Uri hub, CookieContainer? cookies = null)
    {
        var raw = new RawHubSocket();
        if (cookies is not null) raw._socket.Options.Cookies = cookies;
        await raw._socket.ConnectAsync(hub, default);
        await raw.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        var handshake = await raw.ReceiveAsync(_ => true, TimeSpan.FromSeconds(20));
        if (handshake != "{}") throw new InvalidOperationException("握手失败：" + handshake);
        return raw;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + "\u001e"), WebSocketMessageType.Text, true, default);

    /// <summary>
    /// The first frame matching <paramref name="match"/>, skipping pings and broadcasts; null when the server closes the
    /// connection. <paramref name="patience"/> guards against a hang (a failure for the caller), it is not a timing check.
    /// </summary>
    public async Task<string?> ReceiveAsync(Func<string, bool> match, TimeSpan patience)
    {
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            while (_frames.TryDequeue(out var frame))
            {
                if (match(frame)) return frame;
            }
            WebSocketReceiveResult read;
            try
            {
                read = await _socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (WebSocketException)
            {
                return null;
            }
            if (read.MessageType == WebSocketMessageType.Close) return null;
            var chars = new char[_decoder.GetCharCount(buffer, 0, read.Count)];
            _decoder.GetChars(buffer, 0, read.Count, chars, 0);
            _pending.Append(chars);
            var parts = _pending.ToString().Split('\u001e');
            foreach (var complete in parts[..^1]) _frames.Enqueue(complete);
            _pending.Clear().Append(parts[^1]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default); }
            catch (WebSocketException) { }
        }
        _socket.Dispose();
    }
}
