using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.DirectLine;

/// <summary>A Direct Line conversation over real HTTP and a real WebSocket stream: the bot answers, buttons, watermarks.</summary>
public sealed class DirectLineConversationTests : IAsyncLifetime
{
    private ConversationHost _host = null!;
    private DirectLineClient _client = null!;

    public Task InitializeAsync()
    {
        // Small pages, so paging by watermark is exercised with a short conversation.
        _host = DirectLineClient.Host(new() { ["DirectLine:MaxActivitiesPerSet"] = "2" }).Start();
        _client = new DirectLineClient(_host.Address);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task TheStreamOpensWithConversationUpdateAndTheBotsGreeting()
    {
        var session = await _client.NewSessionAsync();
        Assert.StartsWith($"ws://{_host.Address.Authority}/v3/directline/conversations/{session.ConversationId}/stream?", session.StreamUrl);

        await using var stream = await ActivityStream.OpenAsync(session.StreamUrl);
        var update = await stream.WaitForAsync(a => a.Str("type") == "conversationUpdate");
        Assert.Equal(2, update["membersAdded"]!.AsArray().Count);
        var greeting = await stream.WaitForAsync(a => a.Str("type") == "message");
        Assert.Equal("bot", greeting["from"].Str("role"));
        Assert.Equal("智能助手", greeting["from"].Str("name"));
        Assert.Equal(1, greeting.Seq());
        Assert.Contains("转人工", greeting.Buttons());
    }

    [Fact]
    public async Task APostedMessageIsEchoedWithItsClientIdAndAnsweredInMarkdown()
    {
        var session = await _client.NewSessionAsync();
        await using var stream = await ActivityStream.OpenAsync(session.StreamUrl);

        var id = await _client.SayAsync(session, "身份证丢了怎么补办", clientActivityId: "client-42");

        var echo = await stream.WaitForAsync(a => a.Str("id") == id);
        Assert.Equal("身份证丢了怎么补办", echo.Str("text"));
        Assert.Equal("user", echo["from"].Str("role"));
        Assert.Equal("r_test", echo["from"].Str("id"));
        Assert.Equal("client-42", echo["channelData"].Str("clientActivityID"));
        var answer = await stream.WaitForAsync(a => a.Str("replyToId") == id);
        Assert.Equal("markdown", answer.Str("textFormat"));
        Assert.Equal("answered", answer["channelData"]!["govassistant"].Str("decision"));
        Assert.Contains("身份证", answer.Str("text"));
        Assert.Equal(echo.Seq() + 1, answer.Seq());
    }

    [Fact]
    public async Task AVagueQuestionOffersItsChoicesAsButtonsAndAChoiceGetsAnAnswer()
    {
        var session = await _client.NewSessionAsync();
        await using var stream = await ActivityStream.OpenAsync(session.StreamUrl);

        var id = await _client.SayAsync(session, "护照");
        var clarify = await stream.WaitForAsync(a => a.Str("replyToId") == id);
        Assert.Equal("clarify", clarify["channelData"]!["govassistant"].Str("decision"));
        var actions = clarify["suggestedActions"]!["actions"]!.AsArray();
        Assert.All(actions, a => Assert.Equal("imBack", a.Str("type")));
        var choices = clarify.Buttons().Where(b => b != "转人工").ToArray();
        Assert.InRange(choices.Length, 2, 5);
        Assert.Contains("转人工", clarify.Buttons());

        // Clicking an imBack button sends its value as the user's message.
        var picked = await _client.SayAsync(session, choices[0]);
        var answer = await stream.WaitForAsync(a => a.Str("replyToId") == picked);
        Assert.Equal("answered", answer["channelData"]!["govassistant"].Str("decision"));
        Assert.False(string.IsNullOrEmpty(answer["channelData"]!["govassistant"].Str("faqId")));
    }

    [Fact]
    public async Task PagingByWatermarkReturnsEveryActivityOnceAndInOrder()
    {
        var session = await _client.NewSessionAsync();
        foreach (var q in new[] { "身份证丢了怎么补办", "护照", "居住证怎么办理" }) await _client.SayAsync(session, q);

        var seen = new List<JsonObject>();
        string? watermark = null;
        for (var page = 0; page < 50; page++)
        {
            var set = await _client.ActivitiesAsync(session, watermark);
            var activities = set["activities"]!.AsArray().Select(a => a!.AsObject()).Where(a => a.Str("type") == "message").ToList();
            Assert.True(activities.Count <= 2, "一页最多 2 条");
            if (activities.Count == 0)
            {
                Assert.Equal(watermark, set.Str("watermark"));     // nothing new: the watermark stays
                break;
            }
            seen.AddRange(activities);
            watermark = set.Str("watermark");
            Assert.Equal(activities[^1].Seq().ToString(), watermark);
        }

        // Greeting, then a question and its answer for each of the three: seq 1..7, no gap, no duplicate.
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), seen.Select(a => a.Seq()));
        Assert.Equal(["user", "bot", "user", "bot", "user", "bot"], seen.Skip(1).Select(a => a["from"].Str("role")!));
    }

    [Fact]
    public async Task ReconnectingWithAWatermarkStreamsExactlyTheMissedActivities()
    {
        var session = await _client.NewSessionAsync();
        await using (var first = await ActivityStream.OpenAsync(session.StreamUrl))
        {
            var id = await _client.SayAsync(session, "身份证丢了怎么补办");
            await first.WaitForAsync(a => a.Str("replyToId") == id);
        }
        // Offline meanwhile: two more turns happen (seq 4 … 7).
        await _client.SayAsync(session, "护照");
        await _client.SayAsync(session, "居住证怎么办理");

        var reconnect = await _client.JsonAsync(HttpMethod.Get, $"/conversations/{session.ConversationId}?watermark=3", session.Token);
        Assert.Equal(session.ConversationId, reconnect.Str("conversationId"));
        await using var second = await ActivityStream.OpenAsync(reconnect.Str("streamUrl")!);
        await second.WaitForAsync(a => a.Seq() == 7);
        var id2 = await _client.SayAsync(session, "谢谢");
        await second.WaitForAsync(a => a.Str("id") == id2);

        Assert.Equal(Enumerable.Range(4, 5).Select(i => (long)i), second.Activities.Select(a => a.Seq()).Where(s => s <= 8));
        Assert.DoesNotContain(second.Activities, a => a.Str("type") == "conversationUpdate");
        Assert.Equal(second.Activities.Count, second.Activities.Select(a => a.Str("id")).Distinct().Count());
    }
}
