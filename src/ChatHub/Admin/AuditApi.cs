using System.Globalization;
using System.Text;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;

namespace GovAssistant.ChatHub.Admin;

/// <summary>
/// <c>GET /api/admin/audit</c> (JSON) and <c>GET /api/admin/audit/export.csv</c> (UTF-8 with a byte order mark, so
/// Excel reads the Chinese), filtered by actor, action, target and time range.
/// </summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/admin/audit").RequireAuthorization(BankAccess.Auditors);
        audit.MapGet("/", async (AuditLog log, string? actor, string? action, string? target, string? from, string? to, int? max, CancellationToken ct) =>
        {
            var (query, error) = Query(actor, action, target, from, to, max ?? 200);
            return error ?? Results.Ok(new { items = await log.ListAsync(query!, ct) });
        });
        audit.MapGet("/export.csv", async (AuditLog log, string? actor, string? action, string? target, string? from, string? to, CancellationToken ct) =>
        {
            var (query, error) = Query(actor, action, target, from, to, 100_000);
            if (error is not null) return error;
            var csv = Csv(await log.ListAsync(query!, ct));
            return Results.File(csv, "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd}.csv");
        });
        return app;
    }

    private static (AuditQuery? Query, IResult? Error) Query(string? actor, string? action, string? target, string? from, string? to, int max)
    {
        if (max is < 1 or > 100_000) return (null, Problems.BadRequest("max 应在 1–100000 之间。"));
        DateTimeOffset? start = null, end = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!TryDay(from, out var day)) return (null, Problems.BadRequest("from 应为日期 yyyy-MM-dd 或 ISO 8601 时间。"));
            start = day;
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!TryDay(to, out var day)) return (null, Problems.BadRequest("to 应为日期 yyyy-MM-dd 或 ISO 8601 时间。"));
            // A bare day means "through the end of that day"; the calendar's last day has no day after it: no end.
            end = to.Trim().Length != 10 ? day : day.DateTime < DateTime.MaxValue.Date ? day.AddDays(1) : null;
        }
        return (new AuditQuery(Blank(actor), Blank(action), Blank(target), start, end, max), null);
    }

    private static bool TryDay(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out value);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>RFC 4180 CSV with a BOM; cells that a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
    internal static byte[] Csv(IEnumerable<AuditEntry> entries)
    {
        var sb = new StringBuilder("编号,时间,操作人,操作,对象,详情\r\n");
        foreach (var e in entries)
        {
            sb.Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(Cell(e.At.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append(',')
              .Append(Cell(e.Actor)).Append(',').Append(Cell(e.Action)).Append(',').Append(Cell(e.Target)).Append(',')
              .Append(Cell(e.Detail)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
