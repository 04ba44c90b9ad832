using System.Net.Http.Json;
using System.Text.Json;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Insights;

namespace GovAssistant.ChatHub.Tests.Insights;

/// <summary>What the question log records for each channel, and the outcomes it links back to a question.</summary>
public sealed class QuestionLogTests
{
    [Fact]
    public async Task AnAskApiCallerWhoPicksAClarificationChoiceIsRecordedWithThePick()
    {
        await using var host = new InsightsHost(DateTimeOffset.UtcNow).Start();
        using var http = new HttpClient { BaseAddress = host.Address };

        var clarify = await (await http.PostAsJsonAsync("/api/ask", new { question = "护照" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("clarify", clarify.GetProperty("decision").GetString());
        var conversationId = clarify.GetProperty("conversationId").GetString();
        var choice = clarify.GetProperty("choices")[1];
        await http.PostAsJsonAsync("/api/ask", new { question = choice.GetProperty("question").GetString(), conversationId });

        var logged = await AllAsync(host);
        Assert.Equal(2, logged.Count);
        Assert.All(logged, q => Assert.Equal(("api", conversationId), (q.Channel, q.ConversationId)));
        Assert.Equal(choice.GetProperty("id").GetString(), logged[0].PickedEntryId);
        Assert.Equal(
            clarify.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("id").GetString()),
            logged[0].Choices.Select(c => c.Id));
        Assert.Equal(clarify.GetProperty("candidates").EnumerateArray().Take(5).Select(c => c.GetProperty("id").GetString()),
            logged[0].Candidates.Select(c => c.Id));
        Assert.Null(logged[1].PickedEntryId);
    }

    [Fact]
    public async Task AQuestionThatIsNotAChoiceRecordsNoPick()
    {
        await using var host = new InsightsHost(DateTimeOffset.UtcNow).Start();
        using var http = new HttpClient { BaseAddress = host.Address };

        var clarify = await (await http.PostAsJsonAsync("/api/ask", new { question = "护照" })).Content.ReadFromJsonAsync<JsonElement>();
        await http.PostAsJsonAsync("/api/ask", new { question = "今天天气怎么样", conversationId = clarify.GetProperty("conversationId").GetString() });

        Assert.All(await AllAsync(host), q => Assert.Null(q.PickedEntryId));
    }

    [Fact]
    public async Task AskingForAPersonWhenNobodyIsOnlineCountsAsEscalatedOnTheLastQuestion()
    {
        await using var host = new InsightsHost(DateTimeOffset.UtcNow).Start();
        var service = host.Services.GetRequiredService<ConversationService>();
        var c = await service.StartAsync("visitor-x", "wechat");
        await service.VisitorSaysAsync(c.Id, "visitor-x", "身份证丢了怎么补办");
        await service.VisitorSaysAsync(c.Id, "visitor-x", "户口本丢了怎么补办");
        await service.RequestHumanAsync(c.Id, "visitor-x");

        var logged = await AllAsync(host);
        Assert.Equal([false, true], logged.Select(q => q.Escalated));
        Assert.All(logged, q => Assert.Equal("wechat", q.Channel));
        Assert.Equal(["SF-001", "HJ-004"], logged.Select(q => q.EntryId));
    }

    private static Task<IReadOnlyList<LoggedQuestion>> AllAsync(InsightsHost host) =>
        host.Services.GetRequiredService<QuestionLog>().ListAsync(new InsightFilter(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)));
}
