using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GovAssistant.ChatHub.Tests;

/// <summary>
/// Every way a request to <c>POST /api/ask</c> can be wrong ends in a 4xx ProblemDetails whose Chinese detail tells
/// the caller what to fix, never a 500 or a dropped connection.
/// </summary>
public sealed class AskValidationTests(ChatHubHost host) : IClassFixture<ChatHubHost>
{
    private const int TooLargeBytes = 17 * 1024;

    private readonly HttpClient _client = host.Client;

    /// <summary>The bad request of each case, the status it must get and a phrase its detail must contain.</summary>
    private static readonly Dictionary<string, (Func<HttpContent> Body, int[] Status, string Phrase)> Cases = new()
    {
        ["empty question"] = (() => Json("""{"question":""}"""), [400], "问题不能为空"),
        ["whitespace question"] = (() => Json("""{"question":"  \t\n　 "}"""), [400], "问题不能为空"),
        ["missing question"] = (() => Json("""{"conversationId":"abc"}"""), [400], "问题不能为空"),
        ["null question"] = (() => Json("""{"question":null}"""), [400], "问题不能为空"),
        ["control characters only"] = (() => Json(Serialize(new { question = "\u0000\u0001\u001f" })), [400], "问题不能为空"),
        ["501-character question"] = (() => Json(Serialize(new { question = new string('问', 501) })), [400], "问题过长（501 个字）"),
        ["invalid JSON"] = (() => Json("""{"question":"身份证丢了"""), [400], "应为 JSON 对象"),
        ["JSON array"] = (() => Json("""["身份证丢了怎么补办"]"""), [400], "JSON"),
        ["JSON null"] = (() => Json("null"), [400], "请求体不能为空"),
        ["empty body"] = (() => Json(""), [400], "JSON"),
        ["question not a string"] = (() => Json("""{"question":42}"""), [400], "JSON"),
        ["text/plain"] = (() => Text("""{"question":"身份证丢了怎么补办"}""", "text/plain"), [415], "Content-Type: application/json"),
        ["no content type"] = (() => new ByteArrayContent(Encoding.UTF8.GetBytes("""{"question":"身份证丢了怎么补办"}""")), [415], "Content-Type: application/json"),
        ["body over 16 KB with Content-Length"] = (() => Json(Serialize(new { question = "身份证", pad = new string('x', TooLargeBytes) })), [413], "请求体过大（最多 16 KB）"),
        ["body over 16 KB chunked"] = (() => new ChunkedContent(Encoding.UTF8.GetBytes(Serialize(new { question = "身份证", pad = new string('x', TooLargeBytes) }))), [413], "请求体过大（最多 16 KB）"),
        ["conversationId with path characters"] = (() => Json(Serialize(new { question = "身份证丢了怎么补办", conversationId = "../x" })), [400], "conversationId 格式不正确"),
        ["conversationId of 65 characters"] = (() => Json(Serialize(new { question = "身份证丢了怎么补办", conversationId = new string('a', 65) })), [400], "conversationId 格式不正确"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task BadRequestGetsAProblemWithAChineseDetail(string @case)
    {
        var (body, status, phrase) = Cases[@case];

        using var response = await _client.PostAsync("/api/ask", body());

        Assert.Contains((int)response.StatusCode, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        Assert.Contains(phrase, problem.Str("detail"));
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("title")));
    }

    [Fact]
    public async Task QuestionOfExactlyTheMaximumLengthIsAccepted()
    {
        var reply = await _client.AskAsync(new string('问', 500));

        Assert.Contains(reply.Str("decision"), new[] { "answered", "clarify", "noAnswer" });
    }

    [Fact]
    public async Task ABodyJustUnderTheLimitIsReadWholeAndAnswered()
    {
        // 16 KB less a little, sent in chunks: the body is read past the first buffer and parsed to its end.
        var body = Serialize(new { pad = new string('x', 16 * 1024 - 80), question = "身份证丢了怎么补办" });
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 16 * 1024 - 100, 16 * 1024);

        using var response = await _client.PostAsync("/api/ask", new ChunkedContent(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SF-001", JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject().Str("faqId"));
    }

    [Fact]
    public async Task JsonContentTypeWithoutCharsetIsAccepted()
    {
        using var response = await _client.PostAsync("/api/ask", Text("""{"question":"身份证丢了怎么补办"}""", "application/json", charset: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ServiceKeepsAnsweringAfterEveryKindOfBadRequest()
    {
        foreach (var (name, (body, _, _)) in Cases)
        {
            using var response = await _client.PostAsync("/api/ask", body());
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode}");
        }

        var reply = await _client.AskAsync("身份证丢了怎么补办");

        Assert.Equal("answered", reply.Str("decision"));
        Assert.Equal("SF-001", reply.Str("faqId"));
    }

    [Fact]
    public async Task UnknownPathIsNotFound()
    {
        using var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value);

    private static StringContent Json(string body) => Text(body, "application/json");

    private static StringContent Text(string body, string mediaType, string? charset = "utf-8")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = charset };
        return content;
    }

    /// <summary>A JSON body sent with chunked transfer encoding: no Content-Length for the server to check up front.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            // Several writes, so the server sees the body arrive in pieces as it would from a slow client.
            for (var i = 0; i < _bytes.Length; i += 4096)
                await stream.WriteAsync(_bytes.AsMemory(i, Math.Min(4096, _bytes.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
