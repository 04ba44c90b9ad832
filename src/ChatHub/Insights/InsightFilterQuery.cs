using System.Globalization;
using GovAssistant.ChatHub.Api;

namespace GovAssistant.ChatHub.Insights;

/// <summary>Reads <c>from</c>, <c>to</c> (local dates, both included), <c>channel</c>, <c>category</c> and <c>department</c> from a query string.</summary>
internal static class InsightFilterQuery
{
    private const int MaxDays = 366;

    // Days the service can count in (the calendar's first and last days have no local midnight in every time zone).
    private static readonly DateOnly FirstDay = new(2000, 1, 1), LastDay = new(2999, 12, 31);

    private static IResult OutOfRange => Problems.BadRequest($"日期超出范围：应在 {FirstDay:yyyy-MM-dd} 至 {LastDay:yyyy-MM-dd} 之间。");

    /// <summary>The filter, or a 400 with a Chinese message. Without dates: the last 7 days up to today.</summary>
    public static (InsightFilter? Filter, IResult? Error) Parse(IQueryCollection query, TimeProvider time, TimeSpan offset)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(offset).DateTime);
        if (!TryDate(query["to"], today, out var to)) return (null, Problems.BadRequest("结束日期格式不正确，应为 yyyy-MM-dd。"));
        if (to < FirstDay || to > LastDay) return (null, OutOfRange);
        if (!TryDate(query["from"], to.AddDays(-6), out var from)) return (null, Problems.BadRequest("开始日期格式不正确，应为 yyyy-MM-dd。"));
        if (from < FirstDay) return (null, OutOfRange);
        if (from > to) return (null, Problems.BadRequest("开始日期不能晚于结束日期。"));
        if (to.DayNumber - from.DayNumber >= MaxDays) return (null, Problems.BadRequest($"统计区间最长 {MaxDays} 天。"));
        string? Text(string key) => query[key].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var (channel, category, department) = (Text("channel"), Text("category"), Text("department"));
        if (new[] { channel, category, department }.Any(v => v is { Length: > 64 })) return (null, Problems.BadRequest("筛选条件过长（最多 64 个字）。"));
        return (new InsightFilter(Start(from, offset), Start(to.AddDays(1), offset), channel, category, department), null);
    }

    private static DateTimeOffset Start(DateOnly day, TimeSpan offset) => new(day.ToDateTime(TimeOnly.MinValue), offset);

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
