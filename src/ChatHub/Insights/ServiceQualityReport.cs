using System.Globalization;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.QaEngine.Privacy;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// Computes the service-quality dashboard from stored data: the question log for the bot's figures, the
/// conversations and their milestone messages for queue, agents, ratings and tickets, and the follow-up marks.
/// </summary>
public sealed class ServiceQualityReport(
    QuestionLog questions, ConversationFacts conversations, RatingFollowUps followUps, UnansweredClusters unanswered,
    IOptions<InsightsOptions> options, TimeProvider time, Service.ServiceTimeZone zone)
{
    private const int TopCount = 10;
    private readonly InsightsOptions _options = options.Value;

    /// <summary>The dashboard for <paramref name="filter"/>.</summary>
    public async Task<DashboardReport> BuildAsync(InsightFilter filter, CancellationToken ct = default)
    {
        var asked = await questions.ListAsync(filter, ct);
        var facts = await conversations.ListAsync(filter, ct);
        var followed = await followUps.AllAsync(ct);
        var inPeriod = facts.Where(c => c.CreatedAt >= filter.From && c.CreatedAt < filter.To).ToList();
        var now = time.GetUtcNow();

        var service = asked.Where(q => q.Decision != "smallTalk").ToList();
        var resolved = service.Count(q => q.Decision == "answered" && !q.Escalated && q.Feedback != -1 && !(q.Rating is { } r && RatingLabels.IsBad(r)));
        var clarified = service.Count(q => q.Decision == "clarify");
        var escalated = service.Count(q => q.Escalated);
        var unansweredCount = service.Count(q => q.Decision == "noAnswer");

        var waits = inPeriod.SelectMany(c => Pairs(c, "queued", "accepted")).ToList();
        var firstResponses = inPeriod.SelectMany(c => Pairs(c, "accepted", "agent")).ToList();
        var durations = inPeriod.Where(c => c.ClosedAt is not null).Select(c => c.ClosedAt!.Value - c.CreatedAt).ToList();
        var rated = inPeriod.Where(c => c.Rating is not null).ToList();
        var bad = rated.Where(c => RatingLabels.IsBad(c.Rating!.Value)).ToList();
        var tickets = facts.Where(c => c.State == nameof(ConversationState.Ticket))
            .Select(c => (Conversation: c, Since: c.Milestones.LastOrDefault(m => m.Kind == "ticketCreated")?.At ?? c.CreatedAt))
            .ToList();
        var sla = TimeSpan.FromHours(_options.TicketSlaHours);

        var summary = new DashboardSummary(
            asked.Count, service.Count, resolved, clarified, escalated, unansweredCount,
            Rate(resolved, service.Count), Rate(clarified, service.Count), Rate(escalated, service.Count),
            Spread.Of(waits), Spread.Of(firstResponses), Spread.Of(durations),
            rated.Count, rated.Count == 0 ? null : Math.Round(rated.Average(c => c.Rating!.Value), 2),
            bad.Count, bad.Count(c => followed.ContainsKey(c.Id)),
            tickets.Count, tickets.Count(t => now - t.Since > sla));

        List<DashboardTable> tables =
        [
            PerDay(asked, filter),
            PerHour(asked),
            Counted("hotQuestions", "热点问题", ["标准问题", "条目编号", "次数"],
                asked.Where(q => q.Decision == "answered" && q.EntryId is not null).GroupBy(q => (q.EntryId!, q.EntryQuestion ?? "")),
                k => [k.Item2, k.Item1]),
            Counted("hotCategories", "热点分类", ["分类", "次数"], asked.Where(q => q.Category is not null).GroupBy(q => q.Category!), k => [k]),
            Counted("channels", "渠道", ["渠道", "次数"], asked.GroupBy(q => q.Channel), k => [k]),
            new("unanswered", "未解决问题聚类", ["代表问法", "问题数", "不同问法"],
                unanswered.Of(asked).Take(TopCount * 2).Select(c => Row(c.Label, Num(c.Count), string.Join("；", c.Phrasings.Select(p => p.Text)))).ToList()),
            new("serviceTimes", "服务时长（秒）", ["指标", "样本数", "P50", "P90", "平均"],
            [
                SpreadRow("排队等待", summary.QueueWait), SpreadRow("坐席首次响应", summary.FirstResponse), SpreadRow("会话时长", summary.Duration),
            ]),
            new("satisfaction", "满意度分布", ["评价", "分值", "数量"],
                Enumerable.Range(1, 5).Reverse().Select(s => Row(RatingLabels.Of(s), Num(s), Num(rated.Count(c => c.Rating == s)))).ToList()),
            new("badRatings", "差评及跟进", ["会话", "时间", "评分", "评价内容", "部门", "跟进状态", "跟进说明", "跟进人"],
                bad.Select(c => followed.GetValueOrDefault(c.Id) is { } f
                    ? Row(c.Id, Local(c.ClosedAt ?? c.CreatedAt), RatingLabels.Of(c.Rating!.Value), PiiMasker.Mask(c.RatingComment), c.Department ?? "", "已跟进", f.Note, f.Actor)
                    : Row(c.Id, Local(c.ClosedAt ?? c.CreatedAt), RatingLabels.Of(c.Rating!.Value), PiiMasker.Mask(c.RatingComment), c.Department ?? "", "未跟进", "", "")).ToList()),
            new("tickets", "待处理留言", ["会话", "留言时间", "部门", "已等待（小时）", "是否超时"],
                tickets.OrderBy(t => t.Since).Select(t => Row(t.Conversation.Id, Local(t.Since), t.Conversation.Department ?? "",
                    (now - t.Since).TotalHours.ToString("0.0", CultureInfo.InvariantCulture), now - t.Since > sla ? "超时" : "未超时")).ToList()),
        ];
        return new DashboardReport(filter.From, filter.To, filter.Channel, filter.Category, filter.Department, _options.TicketSlaHours, summary, tables);
    }

    /// <summary>For each <paramref name="from"/> milestone, the time to the next <paramref name="to"/> milestone after it.</summary>
    private static IEnumerable<TimeSpan> Pairs(ConversationFact c, string from, string to)
    {
        for (var i = 0; i < c.Milestones.Count; i++)
        {
            if (c.Milestones[i].Kind != from) continue;
            var next = c.Milestones.Skip(i + 1).FirstOrDefault(m => m.Kind == to || m.Kind == from);
            if (next?.Kind == to) yield return next.At - c.Milestones[i].At;
        }
    }

    private DashboardTable PerDay(IReadOnlyList<LoggedQuestion> asked, InsightFilter filter)
    {
        var counts = asked.GroupBy(q => DateOnly.FromDateTime(zone.Local(q.At).DateTime)).ToDictionary(g => g.Key, g => g.Count());
        var first = DateOnly.FromDateTime(zone.Local(filter.From).DateTime);
        var last = DateOnly.FromDateTime(zone.Local(filter.To).AddTicks(-1).DateTime);
        var rows = new List<IReadOnlyList<string>>();
        for (var d = first; d <= last; d = d.AddDays(1)) rows.Add(Row(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Num(counts.GetValueOrDefault(d))));
        return new DashboardTable("perDay", "每日问题数", ["日期", "问题数"], rows);
    }

    private DashboardTable PerHour(IReadOnlyList<LoggedQuestion> asked)
    {
        var counts = asked.GroupBy(q => zone.Local(q.At).Hour).ToDictionary(g => g.Key, g => g.Count());
        return new DashboardTable("perHour", "各时段问题数", ["小时", "问题数"],
            Enumerable.Range(0, 24).Select(h => Row($"{h:00}:00", Num(counts.GetValueOrDefault(h)))).ToList());
    }

    private static DashboardTable Counted<TKey>(
        string name, string title, IReadOnlyList<string> columns, IEnumerable<IGrouping<TKey, LoggedQuestion>> groups, Func<TKey, string[]> cells) =>
        new(name, title, columns, groups
            .Select(g => (Cells: cells(g.Key), Count: g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Cells[0], StringComparer.Ordinal)
            .Take(TopCount)
            .Select(x => (IReadOnlyList<string>)[.. x.Cells, Num(x.Count)])
            .ToList());

    private static IReadOnlyList<string> SpreadRow(string name, Spread s) =>
        Row(name, Num(s.Count), Seconds(s.P50Seconds), Seconds(s.P90Seconds), Seconds(s.AverageSeconds));

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    private string Local(DateTimeOffset at) => zone.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Seconds(double? s) => s?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
