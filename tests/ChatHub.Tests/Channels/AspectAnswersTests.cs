using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.DirectLine;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Channels;

/// <summary>
/// A question or follow-up about one aspect of an answer (多少钱, 要带什么材料) shows that section first, and the whole
/// answer is one step away — on the REST API, the widget's hub, WeChat and Direct Line alike. The expected sections
/// are read from the REST API, never written here: channels must show what the engine chose.
/// </summary>
public sealed class AspectAnswersTests(AspectHost host) : IClassFixture<AspectHost>
{
    private const string FeeQuestion = "身份证丢了怎么补办，要多少钱";
    private const string MaterialsFollowUp = "要带什么材料？";
    private const string OwnCase = "我的社保这个月为什么没扣";

    [Fact]
    public async Task RestAnswersAnAspectQuestionAndItsFollowUpWithTheirSections()
    {
        var id = "aspect-rest-" + Guid.NewGuid().ToString("N")[..8];
        var fee = await host.AskAsync(FeeQuestion, id);
        Assert.Equal("SF-001", fee.Str("faqId"));
        Assert.Equal("收费", fee.Str("aspect"));
        Assert.StartsWith("**收费**", fee.Str("answerSection"));
        Assert.Contains(fee.Str("answerSection")!, fee.Str("answer"));

        var materials = await host.AskAsync(MaterialsFollowUp, id);
        Assert.Equal("SF-001", materials.Str("faqId"));
        Assert.Equal("所需材料", materials.Str("aspect"));
        Assert.StartsWith("**所需材料**", materials.Str("answerSection"));
        Assert.Equal(fee.Str("answer"), materials.Str("answer"));
    }

    [Fact]
    public async Task RestOffersTheOtherQuestionsOfAMessageThatAsksSeveral()
    {
        var r = await host.AskAsync("身份证丢了怎么补办？还有驾驶证丢了怎么补办？", "aspect-many");
        Assert.Equal("SF-001", r.Str("faqId"));
        var others = r["otherQuestions"]!.AsArray();
        Assert.Contains(others, o => o.Str("id") == "JT-002" && o.Str("question")!.Contains("驾驶证"));
    }

    [Fact]
    public async Task WidgetHubCarriesTheSectionAndFullTextGivesTheWholeAnswer()
    {
        var (fee, materials) = await ExpectedAsync();
        await using var visitor = await host.Host.Chat.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;

        var first = await BotReplyAsync(visitor, id, FeeQuestion, 0);
        Assert.Equal(fee.Str("answerSection"), first.Data!.Value.GetProperty("section").GetString());
        Assert.Equal("收费", first.Data!.Value.GetProperty("aspect").GetString());
        Assert.Equal(fee.Str("answer"), first.Text);

        var second = await BotReplyAsync(visitor, id, MaterialsFollowUp, first.Seq);
        Assert.Equal(materials.Str("answerSection"), second.Data!.Value.GetProperty("section").GetString());

        var whole = await BotReplyAsync(visitor, id, "全文", second.Seq);
        Assert.Equal(fee.Str("answer"), whole.Text);
        Assert.Equal("answered", whole.Decision);
        Assert.False(whole.Data!.Value.TryGetProperty("section", out _));
    }

    [Fact]
    public async Task WeChatSendsTheSectionFirstAndTheWholeAnswerOnQuanWen()
    {
        var (fee, materials) = await ExpectedAsync();
        const string user = "o_aspect_user";

        var first = await host.SayOnWeChatAsync(user, FeeQuestion);
        Assert.Equal(WeChatText.FromMarkdown(fee.Str("answerSection")!) + "\n\n回复“全文”查看完整答复", first);

        var second = await host.SayOnWeChatAsync(user, MaterialsFollowUp);
        Assert.StartsWith(WeChatText.FromMarkdown(materials.Str("answerSection")!), second);
        Assert.Contains("回复“全文”查看完整答复", second);

        var whole = await host.SayOnWeChatAsync(user, "全文");
        Assert.Equal(WeChatText.FromMarkdown(fee.Str("answer")!), whole);
    }

    [Fact]
    public async Task DirectLineShowsTheSectionWithAButtonForTheWholeAnswer()
    {
        var (fee, materials) = await ExpectedAsync();
        var session = await host.DirectLine.NewSessionAsync();

        var first = await host.SayOnDirectLineAsync(session, FeeQuestion);
        Assert.Equal(fee.Str("answerSection"), Soft(first.Str("text")!));
        Assert.Contains("查看完整答复", first.Buttons());

        var second = await host.SayOnDirectLineAsync(session, MaterialsFollowUp);
        Assert.Equal(materials.Str("answerSection"), Soft(second.Str("text")!));
        Assert.Contains("查看完整答复", second.Buttons());

        var whole = await host.SayOnDirectLineAsync(session, "查看完整答复");
        Assert.StartsWith(fee.Str("answer")!, Soft(whole.Str("text")!));
        Assert.DoesNotContain("查看完整答复", whole.Buttons());
    }

    [Fact]
    public async Task DirectLineOffersTheOtherQuestionsAsButtons()
    {
        var session = await host.DirectLine.NewSessionAsync();
        var reply = await host.SayOnDirectLineAsync(session, "身份证丢了怎么补办？还有驾驶证丢了怎么补办？");
        var rest = await host.AskAsync("身份证丢了怎么补办？还有驾驶证丢了怎么补办？", "aspect-dl-many");
        var others = rest["otherQuestions"]!.AsArray().Select(o => o.Str("question")!).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, q => Assert.Contains(q, reply.Buttons()));
    }

    [Fact]
    public async Task AQuestionAboutOnesOwnRecordsOffersAPersonOnEveryChannel()
    {
        var rest = await host.AskAsync(OwnCase, "aspect-own");
        Assert.Equal("noAnswer", rest.Str("decision"));
        Assert.Equal("ownCase", rest.Str("reason"));

        await using var visitor = await host.Host.Chat.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        var web = await BotReplyAsync(visitor, id, OwnCase, 0);
        Assert.Equal("ownCase", web.Data!.Value.GetProperty("reason").GetString());
        Assert.Equal(rest.Str("reply"), web.Text);

        var wechat = await host.SayOnWeChatAsync("o_aspect_own", OwnCase);
        Assert.EndsWith("需要人工服务请回复“人工”。", wechat);

        var session = await host.DirectLine.NewSessionAsync();
        var dl = await host.SayOnDirectLineAsync(session, OwnCase);
        Assert.Contains("转人工", dl.Buttons());
    }

    private async Task<(JsonNode Fee, JsonNode Materials)> ExpectedAsync()
    {
        var id = "aspect-expected-" + Guid.NewGuid().ToString("N")[..8];
        return (await host.AskAsync(FeeQuestion, id), await host.AskAsync(MaterialsFollowUp, id));
    }

    private static async Task<Msg> BotReplyAsync(VisitorClient visitor, string id, string text, long afterSeq)
    {
        await visitor.SendAsync(id, text);
        return await visitor.WaitForAsync(m => m.ConversationId == id && m.Sender == "bot" && m.Seq > afterSeq && m.Decision is not null);
    }

    // Web Chat's hard line breaks back to the bank's single ones.
    private static string Soft(string text) => text.Replace("  \n", "\n");
}
