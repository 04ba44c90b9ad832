using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovAssistant.ChatHub.Operations;

/// <summary>
/// The readiness answer a load balancer or an operator reads: overall status and one line per check, without
/// exception details (connection strings and host names stay in the log).
/// </summary>
internal static class HealthReportWriter
{
    // Chinese descriptions readable as they are in a terminal (curl), not as \u escapes.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = Name(e.Value.Status),
                description = e.Value.Description ?? (e.Value.Status == HealthStatus.Healthy ? "正常" : "无法访问"),
                ms = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, Json));
    }

    private static string Name(HealthStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
