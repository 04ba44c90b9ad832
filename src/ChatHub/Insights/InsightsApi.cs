using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Conversations;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// <c>/api/admin/insights</c>: the service-quality dashboard and its CSV export and 差评 follow-ups (supervisors),
/// the unanswered clusters and the suggestions with their "handled" marks (bank editors). Every mark is audited.
/// </summary>
internal static class InsightsApi
{
    private const long MaxBodyBytes = 64 * 1024;
    private const int MaxIds = 1000;

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/insights");
        group.MapGet("/dashboard", DashboardAsync).RequireAuthorization(AgentAuth.SupervisorPolicy);
        group.MapGet("/dashboard.csv", CsvAsync).RequireAuthorization(AgentAuth.SupervisorPolicy);
        // The question log's background writer: records written and dropped since start (queue full or failed writes).
        group.MapGet("/writer", (QuestionLog log) => Results.Ok(new { written = log.WrittenRecords, dropped = log.DroppedRecords }))
            .RequireAuthorization(AgentAuth.SupervisorPolicy);
        group.MapPost("/followups", FollowUpAsync).RequireAuthorization(AgentAuth.SupervisorPolicy);
        group.MapGet("/clusters", ClustersAsync).RequireAuthorization(AgentAuth.BankPolicy);
        group.MapPost("/clusters/handled", ClusterHandledAsync).RequireAuthorization(AgentAuth.BankPolicy);
        group.MapGet("/suggestions", SuggestionsAsync).RequireAuthorization(AgentAuth.BankPolicy);
        group.MapPost("/suggestions/resolve", ResolveAsync).RequireAuthorization(AgentAuth.BankPolicy);
        return app;
    }

    private static async Task<IResult> DashboardAsync(HttpRequest request, ServiceQualityReport report, TimeProvider time, Service.ServiceTimeZone zone, CancellationToken ct)
    {
        var (filter, error) = InsightFilterQuery.Parse(request.Query, time, zone.OffsetAt(time.GetUtcNow()));
        return error ?? Results.Ok(await report.BuildAsync(filter!, ct));
    }

    private static async Task<IResult> CsvAsync(HttpRequest request, ServiceQualityReport report, TimeProvider time, Service.ServiceTimeZone zone, CancellationToken ct)
    {
        var (filter, error) = InsightFilterQuery.Parse(request.Query, time, zone.OffsetAt(time.GetUtcNow()));
        if (error is not null) return error;
        var name = request.Query["table"].ToString();
        var table = (await report.BuildAsync(filter!, ct)).Tables.FirstOrDefault(t => t.Name == name);
        if (table is null) return Problems.BadRequest("请指定要导出的表（table 参数），例如 perDay、hotQuestions、badRatings。");
        var day = filter!.From.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(CsvExport.Of(table), "text/csv; charset=utf-8", $"{table.Name}-{day}.csv");
    }

    private static async Task<IResult> FollowUpAsync(
        HttpContext http, RatingFollowUps followUps, IConversationStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<FollowUpRequest>(http.Request, MaxBodyBytes, """{"conversationId":"…","note":"已电话回访，问题已解决"}""");
        if (error is not null) return error;
        if (body!.ConversationId is not { } id || !ConversationIds.IsValid(id)) return Problems.BadRequest("conversationId 格式不正确。");
        var note = body.Note?.Trim() ?? "";
        if (note.Length is 0 or > 500) return Problems.BadRequest("请填写跟进说明（1–500 个字）。");
        var conversation = await store.GetAsync(id, ct);
        if (conversation is null) return Problems.NotFound("会话不存在。");
        if (conversation.Rating is not { } rating || !RatingLabels.IsBad(rating)) return Problems.BadRequest("该会话没有差评，无需跟进。");
        var me = AgentAuth.ProfileOf(http.User);
        var marked = await followUps.MarkAsync(id, note, me.Id, ct);
        await audit.RecordAsync(me.Id, "rating.followup", id, note, ct);
        return Results.Ok(marked);
    }

    private static async Task<IResult> ClustersAsync(
        HttpRequest request, QuestionLog log, UnansweredClusters clusters, TimeProvider time, Service.ServiceTimeZone zone, CancellationToken ct)
    {
        var (filter, error) = InsightFilterQuery.Parse(request.Query, time, zone.OffsetAt(time.GetUtcNow()));
        if (error is not null) return error;
        var list = clusters.Of(await log.ListAsync(filter!, ct));
        return Results.Ok(list.Select(c => new ClusterView(c.Key, c.Label, c.Count, c.Phrasings, [.. c.Members.Select(m => m.Id)])));
    }

    private static async Task<IResult> ClusterHandledAsync(HttpContext http, QuestionLog log, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<HandledRequest>(http.Request, MaxBodyBytes, """{"questionIds":[12,15],"draftId":"…","action":"draft"}""");
        if (error is not null) return error;
        if (CheckIds(body!.QuestionIds) is { } bad) return bad;
        if (body.DraftId is not { Length: > 0 and <= 100 }) return Problems.BadRequest("缺少草稿编号 draftId。");
        if (body.Action is not ("draft" or "similar")) return Problems.BadRequest("action 应为 draft（新建条目草稿）或 similar（补充相似问）。");
        var me = AgentAuth.ProfileOf(http.User);
        var marked = await log.MarkHandledAsync(body.QuestionIds!, me.Id, body.DraftId, ct);
        await audit.RecordAsync(me.Id, "insights.cluster.handled", body.DraftId, $"{body.Action}: {marked} 个问题", ct);
        return Results.Ok(new { marked });
    }

    private static async Task<IResult> SuggestionsAsync(
        HttpRequest request, QuestionLog log, SuggestionFinder finder, TimeProvider time, Service.ServiceTimeZone zone, CancellationToken ct)
    {
        var (filter, error) = InsightFilterQuery.Parse(request.Query, time, zone.OffsetAt(time.GetUtcNow()));
        return error ?? Results.Ok(finder.Of(await log.ListAsync(filter!, ct)));
    }

    private static async Task<IResult> ResolveAsync(HttpContext http, QuestionLog log, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<ResolveRequest>(http.Request, MaxBodyBytes, """{"questionIds":[12],"status":"accepted","draftId":"…"}""");
        if (error is not null) return error;
        if (CheckIds(body!.QuestionIds) is { } bad) return bad;
        if (body.Status is not ("accepted" or "rejected")) return Problems.BadRequest("status 应为 accepted（采纳）或 rejected（驳回）。");
        if (body.Status == "accepted" && body.DraftId is not { Length: > 0 and <= 100 }) return Problems.BadRequest("采纳时需提供草稿编号 draftId。");
        var me = AgentAuth.ProfileOf(http.User);
        var resolved = await log.ResolveSuggestionsAsync(body.QuestionIds!, body.Status, me.Id, body.DraftId, ct);
        await audit.RecordAsync(me.Id, "insights.suggestion." + body.Status, body.DraftId, $"{resolved} 个问题", ct);
        return Results.Ok(new { resolved });
    }

    private static IResult? CheckIds(IReadOnlyList<long>? ids) =>
        ids is not { Count: > 0 } ? Problems.BadRequest("请提供问题编号 questionIds。")
        : ids.Count > MaxIds ? Problems.BadRequest($"一次最多处理 {MaxIds} 个问题。")
        : ids.Any(i => i <= 0) ? Problems.BadRequest("问题编号应为正整数。")
        : null;

    private sealed record FollowUpRequest(string? ConversationId, string? Note);

    private sealed record HandledRequest(IReadOnlyList<long>? QuestionIds, string? DraftId, string? Action);

    private sealed record ResolveRequest(IReadOnlyList<long>? QuestionIds, string? Status, string? DraftId);

    private sealed record ClusterView(string Key, string Label, int Count, IReadOnlyList<Phrasing> Phrasings, IReadOnlyList<long> QuestionIds);
}
