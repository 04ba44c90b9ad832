using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatLoad;

/// <summary>
/// One visitor: its own token (<c>POST /api/visitors</c>), one WebSocket connection to <c>/hubs/visitor</c> and one
/// conversation (<c>Start()</c>). At most one question is outstanding; its round trip runs from the call to
/// <c>Send</c> until the bot's <c>Message</c> for that conversation arrives.
/// </summary>
internal sealed class VisitorSession(int index, LoadStats stats) : IAsyncDisposable
{
    private HubConnection? _hub;
    private long _pendingSince; // Stopwatch timestamp of the outstanding question, 0 when idle
    private int _next = index * 7; // spread the rotation so conversations do not ask in lock-step
    private string? _conversationId;
    private volatile bool _disposing;

    public bool IsConnected => _hub?.State == HubConnectionState.Connected && _conversationId is not null;
    public bool IsWaiting => Interlocked.Read(ref _pendingSince) != 0;

    /// <summary>Obtains a token, connects over WebSockets and starts (or resumes) the visitor's conversation.</summary>
    public async Task ConnectAsync(HttpClient http, Uri baseUrl, CancellationToken ct)
    {
        string token;
        try
        {
            using var response = await http.PostAsync(new Uri(baseUrl, "/api/visitors"), null, ct);
            if ((int)response.StatusCode == 429)
                throw new HttpRequestException("429 on POST /api/visitors: raise Visitors__IssuePermitsPerMinute on the server");
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<VisitorTokenDto>(ct))!.VisitorToken;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stats.Error("token", e);
            throw;
        }

        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/visitor"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true; // WebSockets only: no negotiate round trip per connection
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        _hub.On<MessageDto>("Message", OnMessage);
        _hub.Closed += e =>
        {
            if (_disposing) return Task.CompletedTask;
            stats.ConnectionDropped();
            if (e is not null) stats.Error("closed", e);
            return Task.CompletedTask;
        };
        try
        {
            await _hub.StartAsync(ct);
            var view = await _hub.InvokeAsync<ConversationViewDto>("Start", ct);
            _conversationId = view.Conversation.Id;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stats.Error("connect", e);
            throw;
        }
    }

    /// <summary>Sends the next question unless one is still unanswered; false when busy or not connected.</summary>
    public bool TryAsk()
    {
        if (!IsConnected || Interlocked.CompareExchange(ref _pendingSince, Stopwatch.GetTimestamp(), 0) != 0) return false;
        _ = SendAsync(Questions.At(_next++));
        return true;
    }

    private async Task SendAsync(string question)
    {
        stats.QuestionSent();
        try
        {
            await _hub!.InvokeAsync("Send", _conversationId, question);
        }
        catch (Exception e)
        {
            Interlocked.Exchange(ref _pendingSince, 0);
            stats.Error("send", e);
        }
    }

    private void OnMessage(MessageDto m)
    {
        if (m.ConversationId != _conversationId) return;
        var type = m.Data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (m.Sender == "system" && type is "queued" or "offerTicket") stats.Escalated();
        if (m.Sender != "bot") return;
        var since = Interlocked.Exchange(ref _pendingSince, 0);
        if (since == 0) return; // not an answer to a question of ours
        var decision = m.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("decision", out var dv) ? dv.GetString() : null;
        stats.Answer(Stopwatch.GetElapsedTime(since), decision);
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        if (_hub is not null) await _hub.DisposeAsync();
    }

    private sealed record VisitorTokenDto(string VisitorId, string VisitorToken);
    private sealed record MessageDto(string ConversationId, long Seq, string Sender, string Text, JsonElement? Data);
    private sealed record ConversationSummaryDto(string Id, string State);
    private sealed record ConversationViewDto(ConversationSummaryDto Conversation);
}
