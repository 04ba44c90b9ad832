using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.DirectLine;
using GovAssistant.ChatHub.Tests.WeChat;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Channels;

/// <summary>
/// 权威、一致: the same question gets the same answer whichever way the citizen asks — the REST API, the web widget's
/// hub, WeChat and Direct Line (Web Chat). Channels only format; they never choose another answer.
/// </summary>
public sealed partial class OneAnswerEverywhereTests
{
    [Fact]
    public async Task FiftyQuestionsGetTheSameAnswerOnEveryChannel()
    {
        var questions = SampleQuestions(50);
        await using var host = await WeChatHost.StartAsync(new() { ["DirectLine:Secrets:0"] = DirectLineClient.Secret });
        using var rest = new HttpClient { BaseAddress = host.Chat.Address };
        using var directLine = new DirectLineClient(host.Chat.Address);
        await using var visitor = await host.Chat.ConnectVisitorAsync();

        var decisions = new List<string>();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var (expected, wechatExpected) = await AskRestAsync(rest, question);
            decisions.Add(expected.Decision);

            var web = await AskHubAsync(visitor, question);
            Assert.True(expected == web, $"“{question}”: REST {expected}, widget hub {web}");

            var dl = await AskDirectLineAsync(directLine, question);
            Assert.True(expected == dl, $"“{question}”: REST {expected}, Direct Line {dl}");

            var wechatText = await AskWeChatAsync(host, $"o_same_{i}", question);
            Assert.True(Squeeze(wechatExpected) == Squeeze(wechatText), $"“{question}”: REST {expected}, WeChat “{wechatText}”");
        }

        // The sample is not all easy: it holds answers, clarifications and questions the bank cannot answer.
        Assert.Contains("answered", decisions);
        Assert.Contains("clarify", decisions);
        Assert.Contains("noAnswer", decisions);
    }

    // Someone missing: every channel says whom to call, and none offers an entry (孩子丢了 shares words with 出生证丢了).
    [Fact]
    public async Task AnEmergencyIsToldWhomToCallOnEveryChannel()
    {
        const string question = "孩子在商场走丢了怎么办";
        await using var host = await WeChatHost.StartAsync(new() { ["DirectLine:Secrets:0"] = DirectLineClient.Secret });
        using var rest = new HttpClient { BaseAddress = host.Chat.Address };
        using var directLine = new DirectLineClient(host.Chat.Address);
        await using var visitor = await host.Chat.ConnectVisitorAsync();

        var (expected, _) = await AskRestAsync(rest, question);
        var web = await AskHubAsync(visitor, question);
        var dl = await AskDirectLineAsync(directLine, question);
        var wechat = await AskWeChatAsync(host, "o_emergency", question);

        Assert.Equal(new Outcome("noAnswer", null, null, expected.Text, ""), expected);
        Assert.Contains("110", expected.Text);
        Assert.Equal(expected, web);
        Assert.Equal(expected, dl);
        Assert.Contains("110", wechat);
    }

    /// <summary>
    /// What a channel must carry: the decision, the entry answered, the aspect asked, the text shown first (the aspect's
    /// section when there is one, else the text the engine chose), the choices offered.
    /// </summary>
    private sealed record Outcome(string Decision, string? FaqId, string? Aspect, string Text, string Choices)
    {
        public override string ToString() => $"{Decision} {FaqId} {Aspect} [{Choices}] “{Text[..Math.Min(40, Text.Length)]}…”";
    }

    private static async Task<(Outcome Expected, string WeChat)> AskRestAsync(HttpClient rest, string question)
    {
        using var response = await rest.PostAsJsonAsync("/api/ask", new { question });
        response.EnsureSuccessStatusCode();
        var r = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var decision = r["decision"]!.GetValue<string>();
        var section = r["answerSection"]?.GetValue<string>();
        var text = section ?? (decision == "answered" ? r["answer"]!.GetValue<string>() : r["reply"]!.GetValue<string>());
        var choices = string.Join("|", r["choices"]!.AsArray().Select(c => c!["question"]!.GetValue<string>()));
        var outcome = new Outcome(decision, r["faqId"]?.GetValue<string>(), r["aspect"]?.GetValue<string>(), text, choices);
        // WeChat speaks plain text: the same text without Markdown, a clarification's choices listed, the way to the
        // whole answer after a section, the message's other questions, and a person offered for one's own records.
        var wechat = WeChatText.FromMarkdown(text)
            + (choices.Length == 0 ? "" : "（请直接发送您要问的问题）" + string.Concat(choices.Split('|').Select(c => "· " + c)))
            + (section is null ? "" : "回复“全文”查看完整答复")
            + string.Concat(r["otherQuestions"]!.AsArray().Select((q, i) => (i == 0 ? "您可能还想问：" : "") + "· " + q!["question"]!.GetValue<string>()))
            + (r["reason"]?.GetValue<string>() == "ownCase" ? "需要人工服务请回复“人工”。" : "");
        return (outcome, wechat);
    }

    // A fresh conversation per question, so no earlier turn colours the answer.
    private static async Task<Outcome> AskHubAsync(VisitorClient visitor, string question)
    {
        var view = await visitor.StartAsync();
        var id = view.Conversation.Id;
        await visitor.SendAsync(id, question);
        var bot = await visitor.WaitForAsync(m => m.ConversationId == id && m.Sender == "bot" && m.Decision is not null);
        await visitor.Connection.InvokeAsync("Close", id);
        var data = bot.Data!.Value;
        var choices = data.TryGetProperty("choices", out var c) ? string.Join("|", c.EnumerateArray().Select(x => x.GetProperty("question").GetString())) : "";
        var section = data.TryGetProperty("section", out var s) ? s.GetString() : null;
        return new Outcome(bot.Decision!, data.TryGetProperty("faqId", out var f) ? f.GetString() : null,
            data.TryGetProperty("aspect", out var a) ? a.GetString() : null, section ?? bot.Text, choices);
    }

    private static async Task<Outcome> AskDirectLineAsync(DirectLineClient client, string question)
    {
        var session = await client.NewSessionAsync();
        var sent = await client.SayAsync(session, question);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var set = await client.ActivitiesAsync(session);
            var answer = set["activities"]!.AsArray().Select(a => a!.AsObject())
                .FirstOrDefault(a => a["replyToId"]?.GetValue<string>() == sent && a["from"]?["role"]?.GetValue<string>() == "bot");
            if (answer is not null)
            {
                var meta = answer["channelData"]!["govassistant"]!;
                // Web Chat gets hard line breaks and the policy basis under the answer; the answer itself is the bank's.
                var text = PolicyBasis().Replace(answer["text"]!.GetValue<string>(), "").Replace("  \n", "\n");
                var choices = answer["suggestedActions"]?["actions"]?.AsArray().Select(a => a!["value"]!.GetValue<string>())
                    .Where(v => v != "转人工") ?? [];
                return new Outcome(meta["decision"]!.GetValue<string>(), meta["faqId"]?.GetValue<string>(), meta["aspect"]?.GetValue<string>(), text,
                    meta["decision"]!.GetValue<string>() == "clarify" ? string.Join("|", choices) : "");
            }
            Assert.True(DateTime.UtcNow < deadline, $"Direct Line gave no answer to “{question}”");
            await Task.Delay(50);
        }
    }

    // A fresh WeChat user per question; the answer may arrive in several customer-service messages.
    private static async Task<string> AskWeChatAsync(WeChatHost host, string openId, string question)
    {
        await host.Mini.PushAsync(WeChatPusher.Text(openId, question));
        await host.WeChat.WaitForSentAsync(m => m.ToUser == openId && !m.Content.StartsWith("您好！我是政务服务智能助手", StringComparison.Ordinal));
        // Parts of one answer are sent back to back; give the last ones a moment to arrive.
        var count = -1;
        while (true)
        {
            await Task.Delay(150);
            var now = host.WeChat.Sent.Count(m => m.ToUser == openId);
            if (now == count) break;
            count = now;
        }
        return string.Join("\n", host.WeChat.Sent.Where(m => m.ToUser == openId && !m.Content.StartsWith("您好！我是政务服务智能助手", StringComparison.Ordinal))
            .Select(m => m.Content));
    }

    private static string Squeeze(string s) => Whitespace().Replace(s, "");

    // Every 18th development question: paraphrases, Traditional script, typos and questions the bank cannot answer.
    private static List<string> SampleQuestions(int count) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "dev-queries.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("query").GetString()!)
            .Where((_, i) => i % 18 == 0)
            .Take(count)
            .ToList();

    [GeneratedRegex(@"\n\n政策依据：.*$", RegexOptions.Singleline)]
    private static partial Regex PolicyBasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
