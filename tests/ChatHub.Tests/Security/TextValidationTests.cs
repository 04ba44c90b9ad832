using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.DirectLine;

namespace GovAssistant.ChatHub.Tests.Security;

/// <summary>
/// One text rule for every HTTP entry point: NUL-only and control-only text is blank, and a lone surrogate (sent as the
/// JSON escape <c>\ud800</c>) is refused with the same Chinese message everywhere.
/// </summary>
public sealed class TextValidationTests(TextValidationTests.Fixture fixture) : IClassFixture<TextValidationTests.Fixture>
{
    private const string Malformed = "无法识别的字符";

    // JSON text values as sent on the wire (escapes intact).
    public static TheoryData<string, string> BadTexts => new()
    {
        { "\\u0000", "不能为空" },
        { "\\u0000\\u0000\\u0000", "不能为空" },
        { "\\u0001\\u001f\\u007f ", "不能为空" },
        { "\\ud800", Malformed },
        { "你好\\udc00", Malformed },
        { "\\udbff\\u0041", Malformed },
    };

    [Theory, MemberData(nameof(BadTexts))]
    public async Task TheAskApiRefusesIt(string text, string expected) =>
        await AssertRefused(await fixture.Anonymous.PostAsync("/api/ask", Json($$"""{"question":"{{text}}"}""")), expected);

    [Theory, MemberData(nameof(BadTexts))]
    public async Task DirectLineRefusesIt(string text, string expected) =>
        await AssertRefused(await fixture.DirectLine.SendAsync(HttpMethod.Post, $"/conversations/{fixture.Session.ConversationId}/activities",
            fixture.Session.Token, $$"""{"type":"message","from":{"id":"u1"},"text":"{{text}}"}"""), expected);

    [Theory, MemberData(nameof(BadTexts))]
    public async Task CannedRepliesRefuseIt(string text, string expected) =>
        await AssertRefused(await fixture.Supervisor.Http.PostAsync("/api/canned-replies/manage", Json($$"""{"department":"","text":"{{text}}"}""")), expected);

    [Theory, MemberData(nameof(BadTexts))]
    public async Task PolicyBasesRefuseIt(string text, string expected) =>
        await AssertRefused(await fixture.Admin.Http.PostAsync("/api/admin/bank/superseded-policies", Json($$"""{"basis":"{{text}}"}""")), expected);

    [Theory, MemberData(nameof(BadTexts))]
    public async Task DraftsRefuseItAsAnAnswer(string text, string expected) =>
        await AssertRefused(await fixture.Admin.Http.PostAsync("/api/admin/bank/drafts",
            Json($$"""{"baseEntryId":null,"question":"测试问题","answer":"{{text}}","origin":"editor"}""")), expected);

    [Theory, MemberData(nameof(BadTexts))]
    public async Task DraftsRefuseItAsAQuestion(string text, string expected) =>
        await AssertRefused(await fixture.Admin.Http.PostAsync("/api/admin/bank/drafts",
            Json($$"""{"baseEntryId":null,"question":"{{text}}","answer":"测试答案","origin":"editor"}""")), expected);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task AssertRefused(HttpResponseMessage response, string expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
            Assert.Contains(expected, JsonNode.Parse(body)!["detail"]!.GetValue<string>());
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private ConversationHost _host = null!;

        public HttpClient Anonymous { get; private set; } = null!;
        public DirectLineClient DirectLine { get; private set; } = null!;
        public GovAssistant.ChatHub.Tests.DirectLine.Session Session { get; private set; } = null!;
        public StaffSession Admin { get; private set; } = null!;
        public StaffSession Supervisor { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _host = DirectLineClient.Host().Start();
            Anonymous = new HttpClient { BaseAddress = _host.Address };
            DirectLine = new DirectLineClient(_host.Address);
            Session = await DirectLine.NewSessionAsync();
            Admin = await _host.SignInAsync("admin");
            await _host.CreateAgentAsync("text.sup", "王督导", ["*"], ["supervisor"]);
            Supervisor = await _host.SignInAsync("text.sup");
        }

        public async Task DisposeAsync()
        {
            Anonymous.Dispose();
            DirectLine.Dispose();
            Admin.Dispose();
            Supervisor.Dispose();
            await _host.DisposeAsync();
        }
    }
}
