using System.Net.Http.Json;
using System.Text.Json;
using GovAssistant.ChatHub.Assist;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>Without <c>Llm:Endpoint</c> (the default) there is no model: nothing is sent anywhere and nothing changes.</summary>
public sealed class AssistOffTests : IAsyncLifetime
{
    private FakeModelServer _model = null!;
    private ConversationHost _host = null!;

    public async Task InitializeAsync()
    {
        // A model is running on this machine, but the host is not told about it.
        _model = await FakeModelServer.StartAsync();
        _host = new ConversationHost().Start();
        await _host.CreateAgentAsync("wang", "王编辑", ["*"], ["agent", "editor", "reviewer", "supervisor"]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task WithoutAnEndpointEveryAssistFeatureSaysOffAndNoRequestLeaves()
    {
        Assert.IsType<OffModel>(_host.Services.GetRequiredService<IAssistModel>());
        await using var visitor = await _host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, QuestionRewriteTests.Rambling);
        var bot = await visitor.WaitForAsync(m => m.Sender == "bot" && m.Seq > 2);
        // The hard message is answered exactly as the engine alone answers it.
        var engine = _host.Services.GetRequiredService<AnswerEngine>().Ask(QuestionRewriteTests.Rambling);
        Assert.Equal(QuestionRewriteTests.Decision(engine), bot.Decision);

        using var wang = await _host.SignInAsync("wang");
        Assert.Equal("off", (await wang.Http.GetFromJsonAsync<JsonElement>("/api/assist/status")).GetProperty("status").GetString());
        Assert.Equal("off", (await wang.Http.GetFromJsonAsync<JsonElement>($"/api/assist/conversations/{id}/summary")).GetProperty("status").GetString());
        Assert.Equal("off", await StatusOfPostAsync(wang.Http, $"/api/assist/conversations/{id}/reply-draft", null));
        Assert.Equal("off", await StatusOfPostAsync(wang.Http, "/api/assist/entries/SF-001/phrasings", null));
        Assert.Equal("off", await StatusOfPostAsync(wang.Http, "/api/assist/clusters/entry-draft", JsonContent.Create(new { questions = new[] { "无人机怎么登记" } })));
        Assert.Empty((await wang.Http.GetFromJsonAsync<JsonElement>("/api/assist/usage")).GetProperty("days").EnumerateArray());
        Assert.Empty(_model.Requests);
    }

    private static async Task<string?> StatusOfPostAsync(HttpClient http, string url, HttpContent? content)
    {
        var response = await http.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }
}
