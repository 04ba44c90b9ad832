using System.Net.Http.Json;
using System.Text.Json;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>
/// Hard messages (long, or unsure) get a second look through the model's rewrite, but the engine still decides and
/// an answer is still a bank entry's own text.
/// </summary>
public sealed class QuestionRewriteTests(AssistHost assist) : IClassFixture<AssistHost>
{
    internal const string Rambling = "我上个月搬家的时候钱包不见了，里面有好多卡和证件，现在最着急的是那张证，下周还要去银行办事，我该去哪里弄个新的，要带些什么东西啊";

    [Fact]
    public async Task ALongRamblingMessageIsAnsweredWithTheBankEntryOfItsRewrittenCoreQuestion()
    {
        var engine = assist.Host.Services.GetRequiredService<AnswerEngine>();
        Assert.NotEqual(AnswerDecision.Answered, engine.Ask(Rambling).Decision);   // without help the engine is unsure

        var answer = await AskAsync(Rambling);
        Assert.Equal("answered", answer.GetProperty("decision").GetString());
        Assert.Equal("SF-001", answer.GetProperty("faqId").GetString());
        Assert.Equal(engine.FindEntry("SF-001")!.Answer, answer.GetProperty("answer").GetString());
        Assert.True(answer.GetProperty("confidence").GetDouble() >= engine.Options.AnswerThreshold);
        var prompt = assist.Model.Requests[^1];
        Assert.Contains("提炼", prompt.System);
        Assert.Contains("钱包不见了", prompt.User);
    }

    [Theory]
    [InlineData("""{"question":"你好呀","questions":[]}""")]                                   // small talk, not an entry
    [InlineData("""{"question":"火星移民签证怎么申请","questions":["月球户口怎么迁"]}""")]         // nothing in the bank
    [InlineData("""{"question":"","questions":[]}""")]
    [InlineData("我觉得您应该去派出所问问。")]                                                  // prose instead of JSON
    public async Task ARewriteThatTheEngineCannotAnswerConfidentlyLeavesTheOriginalDecision(string rewrite)
    {
        var engine = assist.Host.Services.GetRequiredService<AnswerEngine>();
        var original = engine.Ask(Rambling);
        assist.Model.Enqueue(new FakeReply.Text(rewrite));
        var answer = await AskAsync(Rambling);
        Assert.Equal(Decision(original), answer.GetProperty("decision").GetString());
        Assert.Equal(original.Entry?.Id, answer.GetProperty("faqId").GetString());
        Assert.Equal(Math.Round(original.Confidence, 4), answer.GetProperty("confidence").GetDouble());
        Assert.Equal(original.Choices.Select(c => c.Id), answer.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AConfidentShortQuestionNeverReachesTheModel()
    {
        var before = assist.Model.Requests.Count;
        var answer = await AskAsync("身份证丢了怎么补办");
        Assert.Equal("answered", answer.GetProperty("decision").GetString());
        Assert.Equal(before, assist.Model.Requests.Count);
    }

    [Fact]
    public async Task TheRewrittenAnswerIsWhatTheVisitorSeesInAChat()
    {
        await using var visitor = await assist.Host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, Rambling);
        var bot = await visitor.WaitForAsync(m => m.Sender == "bot" && m.Seq > 2);
        Assert.Equal("answered", bot.Decision);
        Assert.Equal(assist.Host.Services.GetRequiredService<AnswerEngine>().FindEntry("SF-001")!.Answer, bot.Text);
    }

    internal static string Decision(AnswerResult r) => JsonNamingPolicy.CamelCase.ConvertName(r.Decision.ToString());

    private async Task<JsonElement> AskAsync(string question)
    {
        using var http = new HttpClient { BaseAddress = assist.Host.Address };
        var response = await http.PostAsJsonAsync("/api/ask", new { question });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
