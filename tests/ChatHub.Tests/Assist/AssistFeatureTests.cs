using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>Handoff summaries, reply drafts and bank drafts from the (fake) model, through the staff API of the real host.</summary>
public sealed class AssistFeatureTests(AssistHost assist) : IClassFixture<AssistHost>
{
    private ConversationHost Host => assist.Host;

    [Fact]
    public async Task TheAcceptingAgentGetsAThreeLineSummaryNamingTheEntriesTheBotOfferedAndANewOneAfterMoreMessages()
    {
        var id = await ConversationAsync("身份证丢了怎么补办");
        using var li = await Host.SignInAsync("li");
        var before = assist.Model.Requests.Count;

        var summary = await li.Http.GetFromJsonAsync<JsonElement>($"/api/assist/conversations/{id}/summary");
        Assert.Equal("ok", summary.GetProperty("status").GetString());
        Assert.Equal(3, summary.GetProperty("lines").GetArrayLength());
        Assert.Contains("SF-001", summary.GetProperty("entryIds").EnumerateArray().Select(e => e.GetString()));
        var prompt = assist.Model.Requests[^1];
        Assert.Contains("身份证丢了怎么补办", prompt.User);
        Assert.Contains("条目 SF-001", prompt.User);

        // Opening the chat again costs nothing; once the transcript grows (a transfer, an invitation, a new message) it is redone.
        await li.Http.GetFromJsonAsync<JsonElement>($"/api/assist/conversations/{id}/summary");
        Assert.Equal(before + 1, assist.Model.Requests.Count);
        await using var visitor = await ConnectedVisitorAsync(id);
        await visitor.SendAsync(id, "需要带什么材料");
        await visitor.WaitForAsync(m => m.Sender == "bot" && m.Seq > 3);
        await li.Http.GetFromJsonAsync<JsonElement>($"/api/assist/conversations/{id}/summary");
        Assert.Equal(before + 2, assist.Model.Requests.Count);
    }

    [Fact]
    public async Task AReplyDraftRestsOnlyOnTheRetrievedEntriesAndCitesThem()
    {
        var id = await ConversationAsync("身份证丢了怎么补办");
        using var li = await Host.SignInAsync("li");
        var draft = await (await li.Http.PostAsync($"/api/assist/conversations/{id}/reply-draft", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", draft.GetProperty("status").GetString());
        var retrieved = draft.GetProperty("retrievedIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal("SF-001", retrieved[0]);
        Assert.Equal(["SF-001"], draft.GetProperty("citedIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("[SF-001]", draft.GetProperty("text").GetString());
        // The prompt quoted exactly the retrieved entries, with their answers.
        var prompt = assist.Model.Requests[^1].User;
        Assert.All(retrieved, r => Assert.Contains($"[{r}]", prompt));
        Assert.Contains(Host.Services.GetRequiredService<AnswerEngine>().FindEntry("SF-001")!.Answer[..20], prompt);
        // Nothing was said to the visitor.
        var messages = await Host.Services.GetRequiredService<GovAssistant.ChatHub.Conversations.IConversationStore>().GetMessagesAsync(id, 0, true);
        Assert.DoesNotContain(messages, m => m.Text.Contains("[SF-001]"));
    }

    [Fact]
    public async Task ADraftCitingAnEntryItWasNotGivenIsThrownAway()
    {
        var id = await ConversationAsync("身份证丢了怎么补办");
        using var li = await Host.SignInAsync("li");
        assist.Model.Enqueue(new FakeReply.Text("您好，请按 [ZZ-999] 办理。"));
        var draft = await (await li.Http.PostAsync($"/api/assist/conversations/{id}/reply-draft", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unavailable", draft.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ProposedPhrasingsArriveAsAPendingDraftByTheModelAndTheBankIsUnchangedUntilReview()
    {
        using var wang = await Host.SignInAsync("wang");
        var response = await wang.Http.PostAsync("/api/assist/entries/SF-001/phrasings", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", body.GetProperty("status").GetString());
        var draft = body.GetProperty("draft");
        Assert.Equal("pending", draft.GetProperty("status").GetString());
        Assert.Equal($"model:{AssistHost.ModelName}", draft.GetProperty("createdBy").GetString());
        Assert.Contains("wang", draft.GetProperty("note").GetString());
        var proposed = draft.GetProperty("proposed").GetProperty("similarQuestions").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("身份證遺失怎麼補辦", proposed);
        Assert.Contains("老人身份证找不到了咋整", proposed);

        var engine = Host.Services.GetRequiredService<AnswerEngine>();
        Assert.DoesNotContain("老人身份证找不到了咋整", engine.FindEntry("SF-001")!.SimilarQuestions);
        var pending = await wang.Http.GetFromJsonAsync<JsonElement>("/api/admin/bank/drafts?status=pending");
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == draft.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnUnansweredClusterBecomesANewEntryDraftForReview()
    {
        using var wang = await Host.SignInAsync("wang");
        var response = await wang.Http.PostAsJsonAsync("/api/assist/clusters/entry-draft", new { questions = new[] { "无人机怎么登记", "航拍要报备吗" } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", body.GetProperty("status").GetString());
        var draft = body.GetProperty("draft");
        Assert.Equal("cluster", draft.GetProperty("origin").GetString());
        Assert.Equal("pending", draft.GetProperty("status").GetString());
        Assert.Equal("无人机飞行需要办理什么手续？", draft.GetProperty("proposed").GetProperty("question").GetString());
        var engine = Host.Services.GetRequiredService<AnswerEngine>();
        Assert.NotEqual(GovAssistant.QaEngine.Answering.AnswerDecision.Answered, engine.Ask("无人机飞行需要办理什么手续").Decision);
    }

    [Fact]
    public async Task AClusterRequestWithoutQuestionsIsABadRequestInChinese()
    {
        using var wang = await Host.SignInAsync("wang");
        var response = await wang.Http.PostAsJsonAsync("/api/assist/clusters/entry-draft", new { questions = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("questions", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAgentMayNotAskForBankDraftsAndAVisitorMayNotReadSummaries()
    {
        using var li = await Host.SignInAsync("li");
        Assert.Equal(HttpStatusCode.Forbidden, (await li.Http.PostAsync("/api/assist/entries/SF-001/phrasings", null)).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = Host.Address };
        var response = await anonymous.GetAsync("/api/assist/conversations/abc/summary");
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, response.StatusCode.ToString());
    }

    [Fact]
    public async Task ModelCallsAreCountedPerDayWithTheirLatencyTokensAndFailures()
    {
        var id = await ConversationAsync("居住证怎么办理");
        using var wang = await Host.SignInAsync("wang");
        assist.Model.Enqueue(new FakeReply.Refusal("无法回答"));
        Assert.Equal("unavailable", (await wang.Http.GetFromJsonAsync<JsonElement>($"/api/assist/conversations/{id}/summary")).GetProperty("status").GetString());
        Assert.Equal("ok", (await wang.Http.GetFromJsonAsync<JsonElement>($"/api/assist/conversations/{id}/summary")).GetProperty("status").GetString());

        // Written in the background; reading the figures writes what is still queued first.
        var days = (await wang.Http.GetFromJsonAsync<JsonElement>("/api/assist/usage?days=7")).GetProperty("days");
        var today = days[days.GetArrayLength() - 1];
        Assert.True(today.GetProperty("calls").GetInt64() >= 2);
        Assert.True(today.GetProperty("failures").GetInt64() >= 1);
        Assert.True(today.GetProperty("promptTokens").GetInt64() > 0);
        Assert.True(today.GetProperty("completionTokens").GetInt64() > 0);
        Assert.True(today.GetProperty("averageMs").GetDouble() > 0);
        Assert.Equal(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd"), today.GetProperty("day").GetString());
    }

    [Fact]
    public async Task UsageFiguresAreForSupervisorsAndTheDaysAreValidated()
    {
        using var li = await Host.SignInAsync("li");
        Assert.Equal(HttpStatusCode.Forbidden, (await li.Http.GetAsync("/api/assist/usage")).StatusCode);
        using var wang = await Host.SignInAsync("wang");
        var response = await wang.Http.GetAsync("/api/assist/usage?days=0");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("days", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private async Task<string> ConversationAsync(string question)
    {
        await using var visitor = await Host.ConnectVisitorAsync();
        var view = await visitor.StartAsync();
        var id = view.Conversation.Id;
        await visitor.SendAsync(id, question);
        await visitor.WaitForAsync(m => m.Sender == "bot" && m.Seq > 2);
        return id;
    }

    private async Task<VisitorClient> ConnectedVisitorAsync(string conversationId)
    {
        // The same visitor coming back: a token for the conversation's owner.
        var store = Host.Services.GetRequiredService<GovAssistant.ChatHub.Conversations.IConversationStore>();
        var c = await store.GetAsync(conversationId);
        var tokens = Host.Services.GetRequiredService<GovAssistant.ChatHub.Visitors.VisitorTokens>();
        var visitor = await Host.ConnectVisitorAsync(tokens.Issue(c!.VisitorId));
        await visitor.ResumeAsync(conversationId, 0);
        return visitor;
    }
}
