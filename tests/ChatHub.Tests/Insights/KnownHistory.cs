using System.Net.Http.Json;
using System.Text.Json;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Tests.Insights;

/// <summary>
/// A known two-day history played through the real service at known times (local time = UTC+8), so every dashboard
/// figure can be checked exactly. Period 2026-03-02 … 2026-03-04, viewed at 2026-03-04 12:00.
/// <list type="bullet">
/// <item>A (web) 03-02 09:00: 身份证丢了怎么补办 → answered, 👍; visitor closes 09:05; rates 5.</item>
/// <item>B (web) 09:10: 护照 → clarify; 09:11 picks the first choice, 👎; 09:12 转人工; accepted 09:14; agent replies
/// 09:14:30; agent closes 09:20; rates 1 with a comment carrying a phone number.</item>
/// <item>F (web) 09:30: leaves a message straight away (ticket, overdue at viewing time).</item>
/// <item>G (web) 15:00: 社保卡丢了怎么挂失 → answered; 15:01 转人工; accepted 15:07; reply 15:08; closes 15:10; rates 2.</item>
/// <item>D (web) 03-03 10:00: 怎么炒股 → no answer; 10:05 leaves a message (ticket, within the SLA).</item>
/// <item>REST (api) 03-03 14:00: 今天天气怎么样, twice.</item>
/// </list>
/// </summary>
public sealed record KnownHistory(string A, string B, string D, string F, string G, string PickedEntryId, string PickedQuestion)
{
    public static readonly DateTimeOffset Start = Local(2, 9, 0);
    public static readonly DateTimeOffset ViewedAt = Local(4, 12, 0);
    public const string Period = "from=2026-03-02&to=2026-03-04";
    public const string BadComment = "等太久了，请回电13812345678";

    /// <summary>2026-03-<paramref name="day"/> at local <paramref name="hour"/>:<paramref name="minute"/> (UTC+8).</summary>
    public static DateTimeOffset Local(int day, int hour, int minute, int second = 0) =>
        new DateTimeOffset(2026, 3, day, hour, minute, second, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>Plays the history on <paramref name="host"/>, whose clock starts at <see cref="Start"/>.</summary>
    public static async Task<KnownHistory> PlayAsync(InsightsHost host)
    {
        var service = host.Services.GetRequiredService<ConversationService>();
        var agent = host.OnlineAgent("li.jing", "李静");
        var clock = host.Clock;
        void At(DateTimeOffset t) => clock.SetUtcNow(t);

        At(Local(2, 9, 0));
        var a = await service.StartAsync("visitor-a", "web");
        At(Local(2, 9, 1));
        var answer = (await service.VisitorSaysAsync(a.Id, "visitor-a", "身份证丢了怎么补办")).Last(m => m.Sender == SenderKind.Bot);
        await service.FeedbackAsync(a.Id, "visitor-a", answer.Seq, helpful: true);
        At(Local(2, 9, 5));
        await service.VisitorClosesAsync(a.Id, "visitor-a");
        await service.RateAsync(a.Id, "visitor-a", 5, null);

        At(Local(2, 9, 10));
        var b = await service.StartAsync("visitor-b", "web");
        var clarify = (await service.VisitorSaysAsync(b.Id, "visitor-b", "护照")).Last(m => m.Sender == SenderKind.Bot);
        var choice = JsonDocument.Parse(clarify.Data!).RootElement.GetProperty("choices")[0];
        var (pickedId, pickedQuestion) = (choice.GetProperty("id").GetString()!, choice.GetProperty("question").GetString()!);
        At(Local(2, 9, 11));
        var picked = (await service.VisitorSaysAsync(b.Id, "visitor-b", pickedQuestion)).Last(m => m.Sender == SenderKind.Bot);
        await service.FeedbackAsync(b.Id, "visitor-b", picked.Seq, helpful: false);
        At(Local(2, 9, 12));
        await service.RequestHumanAsync(b.Id, "visitor-b");
        At(Local(2, 9, 14));
        await service.AcceptAsync(b.Id, agent);
        At(Local(2, 9, 14, 30));
        await service.AgentSaysAsync(b.Id, agent, "您好，请问护照是丢失还是到期？");
        At(Local(2, 9, 20));
        await service.AgentClosesAsync(b.Id, agent);
        await service.RateAsync(b.Id, "visitor-b", 1, BadComment);

        At(Local(2, 9, 30));
        var f = await service.StartAsync("visitor-f", "web");
        await service.LeaveMessageAsync(f.Id, "visitor-f", "想咨询落户，请回电", "13900000000");

        At(Local(2, 15, 0));
        var g = await service.StartAsync("visitor-g", "web");
        await service.VisitorSaysAsync(g.Id, "visitor-g", "社保卡丢了怎么挂失");
        At(Local(2, 15, 1));
        await service.RequestHumanAsync(g.Id, "visitor-g");
        At(Local(2, 15, 7));
        await service.AcceptAsync(g.Id, agent);
        At(Local(2, 15, 8));
        await service.AgentSaysAsync(g.Id, agent, "请拨打社保卡服务热线挂失。");
        At(Local(2, 15, 10));
        await service.AgentClosesAsync(g.Id, agent);
        await service.RateAsync(g.Id, "visitor-g", 2, null);

        At(Local(3, 10, 0));
        var d = await service.StartAsync("visitor-d", "web");
        await service.VisitorSaysAsync(d.Id, "visitor-d", "怎么炒股");
        At(Local(3, 10, 5));
        await service.LeaveMessageAsync(d.Id, "visitor-d", "请工作人员联系我", null);

        At(Local(3, 14, 0));
        using var http = new HttpClient { BaseAddress = host.Address };
        for (var i = 0; i < 2; i++) (await http.PostAsJsonAsync("/api/ask", new { question = "今天天气怎么样" })).EnsureSuccessStatusCode();

        At(ViewedAt);
        return new KnownHistory(a.Id, b.Id, d.Id, f.Id, g.Id, pickedId, pickedQuestion);
    }
}
