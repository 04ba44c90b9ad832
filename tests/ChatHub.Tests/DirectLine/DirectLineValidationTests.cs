using System.Net;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.DirectLine;

/// <summary>Every malformed request is a 400 (or 413/415) with a Chinese message, never a crash; one host for all.</summary>
public sealed class DirectLineValidationTests : IClassFixture<DirectLineValidationTests.Fixture>
{
    private readonly Fixture _fixture;

    public DirectLineValidationTests(Fixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> BadActivities => new()
    {
        { "{not json", "格式不正确" },
        { "[1,2]", "格式不正确" },
        { "{\"text\":\"你好\"}", "type" },
        { "{\"type\":\"invoke\",\"text\":\"你好\"}", "不支持的活动类型" },
        { "{\"type\":\"message\"}", "消息不能为空" },
        { "{\"type\":\"message\",\"text\":\"   \"}", "消息不能为空" },
        { "{\"type\":\"message\",\"text\":5}", "格式不正确" },
        { "{\"type\":\"message\",\"text\":\"你好\",\"channelData\":\"x\"}", "channelData" },
        { "{\"type\":\"message\",\"text\":\"你好\",\"channelData\":{\"clientActivityID\":7}}", "clientActivityID" },
        { "{\"type\":\"message\",\"text\":\"看图\",\"attachments\":[{\"contentType\":\"image/png\"}]}", "附件" },
        { "{\"type\":\"message\",\"text\":\"" + new string('长', 2001) + "\"}", "消息过长" },
        { "{\"type\":\"message\",\"text\":\"你好\",\"from\":{\"id\":\"" + new string('x', 200) + "\"}}", "from.id" },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task AMalformedActivityIsRefusedWithAChineseMessage(string body, string expected)
    {
        using var response = await _fixture.Client.SendAsync(HttpMethod.Post, $"/conversations/{_fixture.Session.ConversationId}/activities",
            _fixture.Session.Token, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(expected, problem.Str("detail"));
    }

    [Fact]
    public async Task ABodyThatIsNotJsonOrTooLargeIsRefused()
    {
        var path = $"/conversations/{_fixture.Session.ConversationId}/activities";
        using var text = await _fixture.Client.SendAsync(HttpMethod.Post, path, _fixture.Session.Token, "你好", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Contains("JSON", await text.Content.ReadAsStringAsync());
        using var large = await _fixture.Client.SendAsync(HttpMethod.Post, path, _fixture.Session.Token,
            "{\"type\":\"message\",\"text\":\"" + new string('x', 40_000) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public async Task AWatermarkThisServiceNeverIssuedIsRefused(string watermark)
    {
        using var response = await _fixture.Client.SendAsync(HttpMethod.Get,
            $"/conversations/{_fixture.Session.ConversationId}/activities?watermark={watermark}", _fixture.Session.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("watermark 无效", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"user\":{\"id\":\"含空格 的id\"}}", "user.id")]
    [InlineData("{\"user\":\"张三\"}", "格式不正确")]
    public async Task AMalformedUserIsRefused(string body, string expected)
    {
        using var response = await _fixture.Client.SendAsync(HttpMethod.Post, "/tokens/generate", DirectLineClient.Secret, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TypingAndEventActivitiesAreAcceptedButNotStored()
    {
        var path = $"/conversations/{_fixture.Session.ConversationId}/activities";
        using var typing = await _fixture.Client.SendAsync(HttpMethod.Post, path, _fixture.Session.Token, """{"type":"typing","from":{"id":"r_1"}}""");
        Assert.Equal(HttpStatusCode.OK, typing.StatusCode);
        using var ev = await _fixture.Client.SendAsync(HttpMethod.Post, path, _fixture.Session.Token, """{"type":"event","name":"webchat/join","value":{}}""");
        Assert.Equal(HttpStatusCode.OK, ev.StatusCode);

        var set = await _fixture.Client.ActivitiesAsync(_fixture.Session);
        Assert.All(set["activities"]!.AsArray(), a => Assert.NotEqual("user", a!["from"].Str("role")));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private ConversationHost _host = null!;

        public DirectLineClient Client { get; private set; } = null!;

        public Session Session { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _host = DirectLineClient.Host().Start();
            Client = new DirectLineClient(_host.Address);
            Session = await Client.NewSessionAsync();
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await _host.DisposeAsync();
        }
    }
}
