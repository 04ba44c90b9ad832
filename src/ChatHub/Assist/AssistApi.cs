using GovAssistant.ChatHub.Admin;
using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// Model assistance for staff under <c>/api/assist</c>. Every answer carries <c>status</c>: <c>off</c> (no model
/// configured — the pages hide the panel), <c>unavailable</c> (the model failed, timed out or gave nothing usable) or
/// <c>ok</c>. A model never writes to a citizen or to the bank: drafts go to the agent's input box or to review.
/// </summary>
internal static class AssistApi
{
    private const string Off = "off";
    private const string Unavailable = "unavailable";

    public static IEndpointRouteBuilder MapAssistApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assist");
        // Open to anyone: pages ask it as they load, before they know whether someone is signed in (a 401 there would be
        // noise), and whether a model is configured is no secret.
        group.MapGet("/status", (IAssistModel model) => Results.Ok(new { status = model.IsOn ? "ok" : Off })).AllowAnonymous();
        group.MapGet("/conversations/{id}/summary", SummaryAsync).RequireAuthorization(AgentAuth.StaffPolicy);
        group.MapPost("/conversations/{id}/reply-draft", ReplyDraftAsync).RequireAuthorization(AgentAuth.StaffPolicy);
        group.MapPost("/entries/{id}/phrasings", PhrasingsAsync).RequireAuthorization(AgentAuth.BankPolicy);
        group.MapPost("/clusters/entry-draft", ClusterDraftAsync).RequireAuthorization(AgentAuth.BankPolicy);
        group.MapGet("/usage", async (AssistUsage usage, int? days, CancellationToken ct) =>
            days is < 1 or > 366 ? Problems.BadRequest("days 应在 1–366 之间。") : Results.Ok(new { days = await usage.DailyAsync(days ?? 14, ct) }))
            .RequireAuthorization(AgentAuth.SupervisorPolicy);
        return app;
    }

    private static async Task<IResult> SummaryAsync(string id, IAssistModel model, IConversationStore store, HandoffSummaries summaries, CancellationToken ct)
    {
        if (!model.IsOn) return Results.Ok(new { status = Off });
        if (await FindAsync(id, store, ct) is { } missing) return missing;
        return await summaries.GetAsync(id, ct) is { } s
            ? Results.Ok(new { status = "ok", lines = s.Lines, entryIds = s.EntryIds, upToSeq = s.UpToSeq })
            : Results.Ok(new { status = Unavailable });
    }

    private static async Task<IResult> ReplyDraftAsync(string id, IAssistModel model, IConversationStore store, ReplyDrafts drafts, CancellationToken ct)
    {
        if (!model.IsOn) return Results.Ok(new { status = Off });
        if (await FindAsync(id, store, ct) is { } missing) return missing;
        return await drafts.DraftAsync(id, ct) is { } d
            ? Results.Ok(new { status = "ok", text = d.Text, citedIds = d.CitedIds, retrievedIds = d.RetrievedIds })
            : Results.Ok(new { status = Unavailable });
    }

    private static async Task<IResult> PhrasingsAsync(string id, HttpContext http, IAssistModel model, IBankStore store, BankAuthoring authoring, AuditLog audit, CancellationToken ct)
    {
        if (!model.IsOn) return Results.Ok(new { status = Off });
        if (await store.GetAsync(id, ct) is not { } entry) return Problems.NotFound($"没有编号为“{id}”的条目。");
        var me = AgentAuth.ProfileOf(http.User);
        if (await authoring.ProposePhrasingsAsync(entry, me.Id, ct) is not { } draft) return Results.Ok(new { status = Unavailable });
        await audit.RecordAsync(me.Id, "assist.phrasings", draft.Id, $"entry={entry.Id}; author={draft.CreatedBy}", ct);
        return Results.Ok(new { status = "ok", draft = await DraftsApi.ViewAsync(store, draft, me, http, ct) });
    }

    private static async Task<IResult> ClusterDraftAsync(HttpContext http, IAssistModel model, IBankStore store, BankAuthoring authoring, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<ClusterRequest>(http.Request, 64 * 1024, """{"questions":["…","…"],"conversationIds":["…"]}""");
        if (error is not null) return error;
        var questions = (body!.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).ToList();
        if (questions.Count is 0 or > 50 || questions.Any(q => q.Length > 500))
            return Problems.BadRequest("questions 应为 1–50 个问题，每个不超过 500 字。");
        var conversations = body.ConversationIds ?? [];
        if (conversations.Count > 50 || conversations.Any(c => !ConversationIds.IsValid(c)))
            return Problems.BadRequest("conversationIds 最多 50 个，格式为 1–64 位字母、数字、- 或 _。");
        if (!model.IsOn) return Results.Ok(new { status = Off });
        var me = AgentAuth.ProfileOf(http.User);
        if (await authoring.ProposeEntryAsync(questions, conversations, me.Id, ct) is not { } draft) return Results.Ok(new { status = Unavailable });
        await audit.RecordAsync(me.Id, "assist.clusterEntry", draft.Id, $"questions={questions.Count}; author={draft.CreatedBy}", ct);
        return Results.Ok(new { status = "ok", draft = await DraftsApi.ViewAsync(store, draft, me, http, ct) });
    }

    private static async Task<IResult?> FindAsync(string id, IConversationStore store, CancellationToken ct) =>
        !ConversationIds.IsValid(id) ? Problems.BadRequest("会话编号格式不正确。")
        : await store.GetAsync(id, ct) is null ? Problems.NotFound("没有这个会话。")
        : null;

    private sealed record ClusterRequest(List<string>? Questions, List<string>? ConversationIds);
}
