using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace GovAssistant.ChatHub.Tests;

/// <summary><c>POST /api/ask</c> and <c>GET /healthz</c> over a real socket against the seed bank.</summary>
public sealed class AskApiTests(ChatHubHost host) : IClassFixture<ChatHubHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task ClearQuestionIsAnsweredFromTheSeedBankWithANewConversation()
    {
        var reply = await _client.AskAsync("身份证丢了怎么补办");

        Assert.Equal("answered", reply.Str("decision"));
        Assert.Equal("SF-001", reply.Str("faqId"));
        Assert.False(string.IsNullOrWhiteSpace(reply.Str("answer")));
        var confidence = reply["confidence"]!.GetValue<double>();
        Assert.InRange(confidence, 0, 1);
        var candidates = reply["candidates"]!.AsArray();
        Assert.NotEmpty(candidates);
        Assert.Equal("SF-001", candidates[0]!["id"]!.GetValue<string>());
        Assert.Empty(reply["choices"]!.AsArray());
        Assert.False(reply["usedContext"]!.GetValue<bool>());
        Assert.Matches("^[0-9a-f]{32}$", reply.Str("conversationId"));
    }

    [Fact]
    public async Task EachQuestionWithoutAConversationIdGetsItsOwnConversation()
    {
        var first = await _client.AskAsync("身份证丢了怎么补办");
        var second = await _client.AskAsync("身份证丢了怎么补办");

        Assert.NotEqual(first.Str("conversationId"), second.Str("conversationId"));
    }

    [Fact]
    public async Task AnEmptyConversationIdMeansANewConversation()
    {
        var reply = await _client.AskAsync("身份证丢了怎么补办", "");

        Assert.Matches("^[0-9a-f]{32}$", reply.Str("conversationId"));
    }

    [Fact]
    public async Task QuestionLengthCountsCharactersNotUtf16Units()
    {
        // 300 emoji are 600 UTF-16 units but 300 characters: within the 500-character limit.
        var reply = await _client.AskAsync(string.Concat(Enumerable.Repeat("😀", 300)));

        Assert.Equal("noAnswer", reply.Str("decision"));
    }

    [Fact]
    public async Task UnknownAddressAndWrongMethodGetChineseProblems()
    {
        using var missing = await _client.GetAsync("/api/no-such-thing");
        using var wrongMethod = await _client.GetAsync("/api/ask");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("请求的地址不存在", await missing.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains("不支持此请求方法", await wrongMethod.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GivenConversationIdIsEchoedBack()
    {
        var reply = await _client.AskAsync("身份证丢了怎么补办", "visitor-42_a");

        Assert.Equal("visitor-42_a", reply.Str("conversationId"));
    }

    [Fact]
    public async Task TraditionalChineseQuestionFindsTheSameEntryAsSimplified()
    {
        var reply = await _client.AskAsync("身份證丟了怎麼補辦");

        Assert.Equal("answered", reply.Str("decision"));
        Assert.Equal("SF-001", reply.Str("faqId"));
    }

    [Fact]
    public async Task AskingForAPersonIsAHumanRequest()
    {
        var reply = await _client.AskAsync("转人工");

        Assert.Equal("humanRequested", reply.Str("decision"));
        Assert.Null(reply.Str("faqId"));
        Assert.False(string.IsNullOrWhiteSpace(reply.Str("reply")));
    }

    [Fact]
    public async Task GreetingIsSmallTalkWithAReply()
    {
        var reply = await _client.AskAsync("你好");

        Assert.Equal("smallTalk", reply.Str("decision"));
        Assert.Null(reply.Str("faqId"));
        Assert.False(string.IsNullOrWhiteSpace(reply.Str("reply")));
    }

    [Fact]
    public async Task QuestionOutsideTheBankGetsNoAnswer()
    {
        var reply = await _client.AskAsync("今天天气怎么样");

        Assert.Equal("noAnswer", reply.Str("decision"));
        Assert.Null(reply.Str("faqId"));
        Assert.Null(reply.Str("answer"));
        Assert.False(string.IsNullOrWhiteSpace(reply.Str("reply")));
    }

    [Fact]
    public async Task BareTopicAsksTheVisitorToChooseBetweenTwoToFiveQuestions()
    {
        var reply = await _client.AskAsync("护照");

        Assert.Equal("clarify", reply.Str("decision"));
        Assert.Null(reply.Str("faqId"));
        var choices = reply["choices"]!.AsArray();
        Assert.InRange(choices.Count, 2, 5);
        Assert.All(choices, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c!["id"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(c["question"]!.GetValue<string>()));
        });
        Assert.Equal(choices.Count, choices.Select(c => c!["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task FollowUpInTheSameConversationIsReadInTheTopicOfThePreviousAnswer()
    {
        var first = await _client.AskAsync("居住证怎么办理");
        Assert.Equal("answered", first.Str("decision"));
        Assert.StartsWith("JZ-", first.Str("faqId"));
        var conversationId = first.Str("conversationId")!;

        var followUp = await _client.AskAsync("需要带什么材料", conversationId);

        Assert.Equal("answered", followUp.Str("decision"));
        Assert.StartsWith("JZ-", followUp.Str("faqId"));
        Assert.True(followUp["usedContext"]!.GetValue<bool>());
        Assert.Equal(conversationId, followUp.Str("conversationId"));
    }

    [Fact]
    public async Task FollowUpInAnotherConversationDoesNotSeeThatTopic()
    {
        var first = await _client.AskAsync("居住证怎么办理");
        Assert.Equal("answered", first.Str("decision"));

        var elsewhere = await _client.AskAsync("需要带什么材料", "another-" + Guid.NewGuid().ToString("N"));

        Assert.False(elsewhere["usedContext"]!.GetValue<bool>());
        Assert.Equal("noAnswer", elsewhere.Str("decision"));
        Assert.Equal("noTopic", elsewhere.Str("reason"));
        Assert.Null(elsewhere.Str("faqId"));
    }

    [Theory]
    [InlineData("身份证丢了 AND (补办* \"")]
    [InlineData("身份证~2 补办^3 OR title:[a TO z] \\")]
    [InlineData("*?:!{}[]()^\"~-+/&&||")]
    public async Task QuestionWithSearchSyntaxIsTreatedAsPlainText(string question)
    {
        using var response = await _client.PostAsync("/api/ask", System.Net.Http.Json.JsonContent.Create(new { question }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Contains(reply.Str("decision"), new[] { "answered", "clarify", "noAnswer" });
    }

    [Fact]
    public async Task HealthReportsTheWholeSeedBankSearchable()
    {
        using var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("ok", health.Str("status"));
        Assert.True(health["entries"]!.GetValue<int>() > 300, health.ToJsonString());
        Assert.True(health["revision"]!.GetValue<long>() > 0, health.ToJsonString());
    }

    [Fact]
    public async Task HostListensOnARealLoopbackSocket()
    {
        Assert.Equal("127.0.0.1", host.Address.Host);
        Assert.NotEqual(0, host.Address.Port);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.Address.Host, host.Address.Port);
        Assert.True(tcp.Connected);
    }

    [Fact]
    public void HostKeepsItsDatabaseAndIndexInItsOwnFolder()
    {
        Assert.True(File.Exists(host.Folder.File("bank.db")), "bank.db missing in " + host.Folder.Path);
        Assert.NotEmpty(Directory.GetFiles(host.Folder.File("index")));
    }
}
