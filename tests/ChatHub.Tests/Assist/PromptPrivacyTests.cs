using System.Net.Http.Json;
using System.Text.Json;
using GovAssistant.QaEngine.Privacy;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>No prompt a model receives holds an unmasked 身份证号, phone, bank card, 统一社会信用代码, e-mail or plate.</summary>
public sealed class PromptPrivacyTests(AssistHost assist) : IClassFixture<AssistHost>
{
    private static readonly string[] Identifiers =
        ["110105199003072311", "13812345678", "6222021234567890128", "91350100M000100Y43", "zhang.san@example.com", "京A12345"];

    [Fact]
    public async Task EveryPromptOfEveryFeatureReachesTheModelMasked()
    {
        var host = assist.Host;
        var start = assist.Model.Requests.Count;

        // A chat full of identifiers: summary and reply draft.
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, "我的身份证号110105199003072311，身份证丢了怎么补办");
        await visitor.WaitForAsync(m => m.Sender == "bot" && m.Seq > 2);
        await visitor.SendAsync(id, "电话13812345678，邮箱zhang.san@example.com，卡号6222021234567890128，公司统一社会信用代码91350100M000100Y43，车牌京A12345，现在急着要办怎么弄");
        await visitor.WaitForAsync(m => m.Sender == "bot" && m.Seq > 4);
        using var wang = await host.SignInAsync("wang");
        Assert.Equal("ok", (await wang.Http.GetFromJsonAsync<JsonElement>($"/api/assist/conversations/{id}/summary")).GetProperty("status").GetString());
        Assert.Equal("ok", (await (await wang.Http.PostAsync($"/api/assist/conversations/{id}/reply-draft", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // A long question with identifiers, rewritten; a cluster of questions with identifiers, drafted.
        using var http = new HttpClient { BaseAddress = host.Address };
        (await http.PostAsJsonAsync("/api/ask", new { question = QuestionRewriteTests.Rambling + "，身份证号110105199003072311，手机13812345678，车牌京A12345" })).EnsureSuccessStatusCode();
        (await wang.Http.PostAsJsonAsync("/api/assist/clusters/entry-draft", new
        {
            questions = new[] { "我的邮箱zhang.san@example.com收不到验证码", "卡号6222021234567890128绑不上", "信用代码91350100M000100Y43查不到" },
            conversationIds = new[] { id },
        })).EnsureSuccessStatusCode();

        var prompts = assist.Model.Requests.Skip(start).ToList();
        Assert.True(prompts.Count >= 4, $"only {prompts.Count} prompts were sent");
        var everything = string.Join("\n", prompts.Select(p => p.System + "\n" + p.User));
        foreach (var identifier in Identifiers)
        {
            Assert.DoesNotContain(identifier, everything);
            Assert.DoesNotContain(identifier, string.Join("\n", prompts.Select(p => p.Body)));
            // The masked form did travel: the text was sent, only the identifier was not.
            Assert.Contains(PiiMasker.Mask(identifier), everything);
        }
        Assert.Empty(PiiMasker.Find(everything));
    }
}
