using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Bank;
using GovAssistant.KnowledgeBase;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Admin;

/// <summary>
/// The review workflow under <c>/api/admin/bank/drafts</c>: propose (any staff), edit (bank staff), publish or
/// reject (a reviewer of the owning department). Publishing re-indexes at once.
/// </summary>
internal static class DraftsApi
{
    private const long MaxBodyBytes = 64 * 1024;
    private const string Example = """{"baseEntryId":"HJ-001","answer":"……","origin":"editor","note":"更新收费标准"}""";

    public static RouteGroupBuilder MapDrafts(this RouteGroupBuilder bank)
    {
        bank.MapPost("/drafts", CreateAsync).RequireAuthorization(AgentAuth.StaffPolicy);
        bank.MapGet("/drafts", ListAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapGet("/drafts/{id}", GetAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapPut("/drafts/{id}", UpdateAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapPost("/drafts/{id}/publish", PublishAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapPost("/drafts/{id}/reject", RejectAsync).RequireAuthorization(AgentAuth.BankPolicy);
        return bank;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IBankStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<DraftRequest>(http.Request, MaxBodyBytes, Example);
        if (error is not null) return error;
        if (DraftNames.Parse<DraftOrigin>(body!.Origin ?? "editor") is not { } origin)
            return Problems.BadRequest($"origin 只能是 editor、cluster、agentReply、feedback、import 或 rollback，实际为“{body.Origin}”。");
        var me = AgentAuth.ProfileOf(http.User);
        try
        {
            var draft = await store.CreateDraftAsync(Blank(body.BaseEntryId), body.Changes, origin, body.Note, me.Id, cancellationToken: ct);
            await audit.RecordAsync(me.Id, "draft.create", draft.Id,
                $"origin={DraftNames.Of(origin)}; entry={draft.BaseEntryId ?? "(新条目)"}; complete={draft.IsComplete}" + NoteOf(body.Note), ct);
            return Results.Created($"/api/admin/bank/drafts/{draft.Id}", await ViewAsync(store, draft, me, http, ct));
        }
        catch (InvalidFaqEntryException e) { return AdminProblems.Of(e); }
        catch (DraftException e) { return AdminProblems.Of(e); }
    }

    private static async Task<IResult> ListAsync(HttpContext http, IBankStore store, string? status, string? batch, string? scope, CancellationToken ct)
    {
        DraftStatus? wanted = null;
        if (!string.IsNullOrEmpty(status) && status != "all")
        {
            if (DraftNames.Parse<DraftStatus>(status) is not { } parsed) return Problems.BadRequest("status 只能是 pending、published、rejected 或 all。");
            wanted = parsed;
        }
        var me = AgentAuth.ProfileOf(http.User);
        var drafts = await store.ListDraftsAsync(wanted, string.IsNullOrEmpty(batch) ? null : batch, 1000, ct);
        var views = new List<DraftView>(drafts.Count);
        foreach (var d in drafts) views.Add(await ViewAsync(store, d, me, http, ct, withDiff: false));
        // scope=mine: the drafts this reviewer may act on (their departments' review queue).
        if (scope == "mine") views = [.. views.Where(v => v.CanReview)];
        return Results.Ok(new { items = views });
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IBankStore store, CancellationToken ct) =>
        await store.GetDraftAsync(id, ct) is { } draft
            ? Results.Ok(await ViewAsync(store, draft, AgentAuth.ProfileOf(http.User), http, ct))
            : Problems.NotFound($"没有编号为“{id}”的草稿。");

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, IBankStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<DraftRequest>(http.Request, MaxBodyBytes, Example);
        if (error is not null) return error;
        var me = AgentAuth.ProfileOf(http.User);
        try
        {
            var draft = await store.UpdateDraftAsync(id, body!.Changes, body.Note, me.Id, ct);
            await audit.RecordAsync(me.Id, "draft.update", draft.Id, $"entry={draft.BaseEntryId ?? "(新条目)"}; complete={draft.IsComplete}" + NoteOf(body.Note), ct);
            return Results.Ok(await ViewAsync(store, draft, me, http, ct));
        }
        catch (InvalidFaqEntryException e) { return AdminProblems.Of(e); }
        catch (DraftException e) { return AdminProblems.Of(e); }
    }

    private static async Task<IResult> PublishAsync(string id, HttpContext http, IBankStore store, AuditLog audit, BankPublisher publisher,
        IOptions<BankAdminOptions> options, CancellationToken ct)
    {
        var me = AgentAuth.ProfileOf(http.User);
        if (await store.GetDraftAsync(id, ct) is not { } draft) return Problems.NotFound($"没有编号为“{id}”的草稿。");
        var current = draft.BaseEntryId is null ? null : await store.GetAsync(draft.BaseEntryId, ct);
        if (BankAccess.RefusalFor(me, [current?.Department ?? draft.Proposed.Department, draft.Proposed.Department]) is { } refusal)
            return Problems.Forbidden(refusal);
        if (BankAccess.SelfReviewRefusal(me, draft, options.Value.RequireSecondReviewer) is { } selfReview)
            return Problems.Forbidden(selfReview);
        try
        {
            var (published, entry) = await store.PublishDraftAsync(id, me.Id, ct);
            await audit.RecordAsync(me.Id, "draft.publish", published.Id, $"entry={entry.Id}; version={entry.Version}; status={entry.Status.ToString().ToLowerInvariant()}; by={published.CreatedBy}", ct);
            // Searchable before the reviewer's page shows "已发布"; the consistency check follows in the background.
            await publisher.RefreshNowAsync(ct);
            return Results.Ok(new { draft = await ViewAsync(store, published, me, http, ct), entry = EntryView.Of(entry) });
        }
        catch (DraftException e) { return AdminProblems.Of(e); }
        catch (InvalidFaqEntryException e) { return AdminProblems.Of(e); }
    }

    private static async Task<IResult> RejectAsync(string id, HttpContext http, IBankStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<RejectRequest>(http.Request, 16 * 1024, """{"reason":"收费标准依据未注明"}""");
        if (error is not null) return error;
        if (string.IsNullOrWhiteSpace(body!.Reason)) return Problems.BadRequest("请填写驳回理由，方便编辑修改。");
        if (body.Reason.Length > 1000) return Problems.BadRequest("驳回理由过长（最多 1000 字）。");
        var me = AgentAuth.ProfileOf(http.User);
        if (await store.GetDraftAsync(id, ct) is not { } draft) return Problems.NotFound($"没有编号为“{id}”的草稿。");
        var current = draft.BaseEntryId is null ? null : await store.GetAsync(draft.BaseEntryId, ct);
        if (BankAccess.RefusalFor(me, [current?.Department ?? draft.Proposed.Department]) is { } refusal)
            return Problems.Forbidden(refusal);
        try
        {
            var rejected = await store.RejectDraftAsync(id, me.Id, body.Reason, ct);
            await audit.RecordAsync(me.Id, "draft.reject", rejected.Id, $"entry={rejected.BaseEntryId ?? "(新条目)"}; reason={body.Reason.Trim()}", ct);
            return Results.Ok(await ViewAsync(store, rejected, me, http, ct));
        }
        catch (DraftException e) { return AdminProblems.Of(e); }
    }

    internal static async Task<DraftView> ViewAsync(IBankStore store, EntryDraft draft, AgentProfile me, HttpContext http, CancellationToken ct, bool withDiff = true)
    {
        var current = draft.BaseEntryId is null ? null : await store.GetAsync(draft.BaseEntryId, ct);
        var options = http.RequestServices.GetRequiredService<IOptions<BankAdminOptions>>().Value;
        return DraftView.Of(draft, current, me, withDiff, options.RequireSecondReviewer);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string NoteOf(string? note) => string.IsNullOrWhiteSpace(note) ? "" : "; note=" + note.Trim();

    private sealed record RejectRequest(string? Reason);
}
