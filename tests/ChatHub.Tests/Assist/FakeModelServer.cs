using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>What the fake model does with one request.</summary>
public abstract record FakeReply
{
    /// <summary>A normal answer (streamed as SSE chunks when the client asked for <c>stream: true</c>).</summary>
    public sealed record Text(string Content) : FakeReply;

    /// <summary>An HTTP error status with an OpenAI-style error body (429, 500, 503 …).</summary>
    public sealed record Status(int Code) : FakeReply;

    /// <summary>Never answers: holds the request until the client gives up.</summary>
    public sealed record Hang : FakeReply;

    /// <summary>A 200 whose body is not JSON at all.</summary>
    public sealed record Malformed : FakeReply;

    /// <summary>The model declines: no content, a <c>refusal</c> instead.</summary>
    public sealed record Refusal(string Reason) : FakeReply;
}

/// <summary>One request the fake received: path, raw body and the messages' text.</summary>
public sealed record FakeRequest(string Path, string Body, string System, string User, bool Stream);

/// <summary>
/// An OpenAI-compatible model server on a loopback port (real Kestrel, real HTTP): <c>POST /v1/chat/completions</c>
/// (plain and streamed) and <c>POST /v1/embeddings</c>, answering from a script (<see cref="Enqueue"/>) or a
/// <see cref="Responder"/>, recording every request so tests can read exactly what a model would have received.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentQueue<IReadOnlyList<string>> _embeddingInputs = new();
    private WebApplication _app = null!;

    /// <summary>The base address to configure as <c>Llm:Endpoint</c> (…/v1).</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Answers requests when the script is empty; by default a short Chinese text.</summary>
    public Func<FakeRequest, FakeReply> Responder { get; set; } = _ => new FakeReply.Text("好的。");

    /// <summary>
    /// Answers <c>/v1/embeddings</c>: <see cref="FakeReply.Text"/> (the default) gives one vector per input from
    /// <see cref="Embed"/>; a status, a hang or a broken body fail as for chat; a refusal is a 200 with no vectors.
    /// </summary>
    public Func<FakeRequest, FakeReply> EmbeddingResponder { get; set; } = _ => new FakeReply.Text("");

    /// <summary>The vector of one input text; by default character counts folded into 16 dimensions.</summary>
    public Func<string, float[]> Embed { get; set; } = DefaultVector;

    /// <summary>The default vector of <paramref name="text"/>.</summary>
    public static float[] DefaultVector(string text) =>
        Enumerable.Range(0, 16).Select(d => (float)text.Count(c => c % 16 == d) / Math.Max(1, text.Length)).ToArray();

    /// <summary>The inputs of every embeddings request received, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> EmbeddingInputs => [.. _embeddingInputs];

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    /// <summary>Raised when a request has been read (before it is answered).</summary>
    public event Action<FakeRequest>? Received;

    public static async Task<FakeModelServer> StartAsync()
    {
        var server = new FakeModelServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.MapPost("/v1/chat/completions", server.ChatAsync);
        server._app.MapPost("/v1/embeddings", server.EmbeddingsAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>Answers the next requests with <paramref name="replies"/>, in order, before falling back to <see cref="Responder"/>.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var r in replies) _script.Enqueue(r);
    }

    private async Task ChatAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var json = JsonNode.Parse(body)!;
        var messages = json["messages"]!.AsArray();
        string Of(string role) => string.Join("\n", messages.Where(m => (string?)m!["role"] == role).Select(m => ContentOf(m!["content"])));
        var request = new FakeRequest(http.Request.Path, body, Of("system"), Of("user"), json["stream"]?.GetValue<bool>() == true);
        _requests.Enqueue(request);
        Received?.Invoke(request);
        var reply = _script.TryDequeue(out var next) ? next : Responder(request);
        var model = (string?)json["model"] ?? "fake";
        switch (reply)
        {
            case FakeReply.Status s:
                http.Response.StatusCode = s.Code;
                await http.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "server_error", code = s.Code } });
                return;
            case FakeReply.Hang:
                try { await Task.Delay(Timeout.Infinite, http.RequestAborted); } catch (OperationCanceledException) { }
                return;
            case FakeReply.Malformed:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"id\": \"chatcmpl-x\", \"choices\": [ {\"message\": ");
                return;
            case FakeReply.Refusal r:
                await http.Response.WriteAsJsonAsync(Completion(model, null, r.Reason, body.Length));
                return;
            case FakeReply.Text t when request.Stream:
                http.Response.ContentType = "text/event-stream";
                foreach (var piece in t.Content.Chunk(8).Select(c => new string(c)))
                    await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(Chunk(model, piece, null))}\n\n");
                await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(Chunk(model, null, "stop"))}\n\ndata: [DONE]\n\n");
                return;
            case FakeReply.Text t:
                await http.Response.WriteAsJsonAsync(Completion(model, t.Content, null, body.Length));
                return;
        }
    }

    private async Task EmbeddingsAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var json = JsonNode.Parse(body)!;
        var inputs = json["input"] is JsonArray a ? a.Select(i => (string?)i ?? "").ToList() : [(string?)json["input"] ?? ""];
        var request = new FakeRequest(http.Request.Path, body, "", string.Join("\n", inputs), false);
        _requests.Enqueue(request);
        _embeddingInputs.Enqueue(inputs);
        Received?.Invoke(request);
        switch (EmbeddingResponder(request))
        {
            case FakeReply.Status s:
                http.Response.StatusCode = s.Code;
                await http.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "server_error", code = s.Code } });
                return;
            case FakeReply.Hang:
                try { await Task.Delay(Timeout.Infinite, http.RequestAborted); } catch (OperationCanceledException) { }
                return;
            case FakeReply.Malformed:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"object\": \"list\", \"data\": [ {\"embedding\": ");
                return;
            case FakeReply.Refusal:
                await http.Response.WriteAsJsonAsync(new { @object = "list", data = Array.Empty<object>(), model = (string?)json["model"] });
                return;
        }
        // As OpenAI and vLLM do: floats by default, little-endian float32 in base64 when asked for.
        var base64 = (string?)json["encoding_format"] == "base64";
        var data = inputs.Select((text, i) =>
        {
            var vector = Embed(text);
            object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index = i, embedding };
        });
        var tokens = inputs.Sum(t => t.Length);
        await http.Response.WriteAsJsonAsync(new { @object = "list", data, model = (string?)json["model"], usage = new { prompt_tokens = tokens, total_tokens = tokens } });
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => (string?)v ?? "",
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
        _ => "",
    };

    private static object Completion(string model, string? content, string? refusal, int promptChars) => new
    {
        id = "chatcmpl-fake", @object = "chat.completion", created = 1_764_806_400, model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content, refusal }, finish_reason = "stop" } },
        usage = new { prompt_tokens = promptChars / 2, completion_tokens = (content?.Length ?? 0) / 2 + 1, total_tokens = promptChars / 2 + (content?.Length ?? 0) / 2 + 1 },
    };

    private static object Chunk(string model, string? content, string? finish) => new
    {
        id = "chatcmpl-fake", @object = "chat.completion.chunk", created = 1_764_806_400, model,
        choices = new[] { new { index = 0, delta = new { role = "assistant", content }, finish_reason = finish } },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
