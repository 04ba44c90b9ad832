using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.KnowledgeBase;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Admin;

/// <summary>
/// Browsing the bank under <c>/api/admin/bank</c>: the signed-in member, a paged and filtered entry list, one entry,
/// its version history, the diff of two versions, and rollback (a draft restoring an earlier version).
/// </summary>
internal static class BankEntriesApi
{
    private const int MaxPageSize = 100;

    public static RouteGroupBuilder MapBankEntries(this RouteGroupBuilder bank)
    {
        bank.MapGet("/me", (HttpContext http) =>
        {
            var me = AgentAuth.ProfileOf(http.User);
            return Results.Ok(new { me.Id, me.Name, me.Roles, me.Departments, isReviewer = BankAccess.IsReviewer(me) });
        }).RequireAuthorization(AgentAuth.StaffPolicy);
        bank.MapGet("/entries", ListAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapGet("/facets", FacetsAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapGet("/entries/{id}", GetAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapGet("/entries/{id}/history", HistoryAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapGet("/entries/{id}/diff", DiffAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapPost("/entries/{id}/rollback", RollbackAsync).RequireAuthorization(AgentAuth.BankPolicy);
        return bank;
    }

    private static async Task<IResult> ListAsync(IBankStore store, TimeProvider time, IOptions<BankAdminOptions> options,
        string? q, string? category, string? department, string? region, string? status, string? source, string? validity,
        int? page, int? pageSize, CancellationToken ct)
    {
        FaqStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<FaqStatus>(status, ignoreCase: true, out var s) || status.Any(char.IsDigit))
                return Problems.BadRequest("status 只能是 draft、published 或 retired。");
            wanted = s;
        }
        var size = pageSize ?? 20;
        if (size is < 1 or > MaxPageSize) return Problems.BadRequest($"pageSize 应在 1–{MaxPageSize} 之间。");
        var number = page ?? 1;
        if (number < 1) return Problems.BadRequest("page 从 1 开始。");
        if (q is { Length: > 100 }) return Problems.BadRequest("搜索词过长（最多 100 字）。");

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var filter = new FaqFilter
        {
            Text = Blank(q), Category = Blank(category), Department = Blank(department), Region = Blank(region), Source = Blank(source), Status = wanted,
        };
        switch (validity)
        {
            case null or "" or "all": break;
            case "valid": filter = filter with { ValidOn = today }; break;
            case "expired": filter = filter with { ValidToOnOrBefore = today.AddDays(-1) }; break;
            case "expiring": filter = filter with { ValidToOnOrBefore = today.AddDays(options.Value.ExpiryWindowDays), ValidOn = today }; break;
            default: return Problems.BadRequest("validity 只能是 valid、expired、expiring 或 all。");
        }
        var total = await store.CountAsync(filter, ct);
        // In long: (page − 1) × size overflows int for a huge page and would wrap round to an early page.
        var skip = (long)(number - 1) * size;
        var items = skip >= total ? [] : await store.ListAsync(filter with { Skip = (int)skip, Take = size }, ct);
        return Results.Ok(new { total, page = number, pageSize = size, items = items.Select(EntryView.Of) });
    }

    private static async Task<IResult> FacetsAsync(IBankStore store, CancellationToken ct)
    {
        var all = await store.ListAsync(null, ct);
        static string[] Distinct(IEnumerable<string?> values) => [.. values.OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        return Results.Ok(new
        {
            categories = Distinct(all.Select(e => e.Category)),
            departments = Distinct(all.Select(e => e.Department)),
            regions = Distinct(all.Select(e => e.Region)),
            sources = Distinct(all.Select(e => e.Source)),
        });
    }

    private static async Task<IResult> GetAsync(string id, IBankStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } entry) return Problems.NotFound($"没有编号为“{id}”的问答条目。");
        var pending = (await store.ListDraftsAsync(DraftStatus.Pending, null, 1000, ct)).Where(d => d.BaseEntryId == id).Select(d => d.Id);
        return Results.Ok(new { entry = EntryView.Of(entry), pendingDrafts = pending });
    }

    private static async Task<IResult> HistoryAsync(string id, IBankStore store, CancellationToken ct)
    {
        var history = await store.GetHistoryAsync(id, ct);
        if (history.Count == 0) return Problems.NotFound($"没有编号为“{id}”的问答条目。");
        return Results.Ok(new
        {
            items = history.Reverse().Select(v => new
            {
                version = v.Entry.Version, kind = v.Kind.ToString().ToLowerInvariant(), v.ChangedBy, v.ChangedAt, v.Note, v.ReviewedBy,
                entry = EntryView.Of(v.Entry),
            }),
        });
    }

    private static async Task<IResult> DiffAsync(string id, int? from, int? to, IBankStore store, CancellationToken ct)
    {
        var history = await store.GetHistoryAsync(id, ct);
        if (history.Count == 0) return Problems.NotFound($"没有编号为“{id}”的问答条目。");
        var newest = history[^1].Entry.Version;
        var right = history.FirstOrDefault(v => v.Entry.Version == (to ?? newest));
        var left = history.FirstOrDefault(v => v.Entry.Version == (from ?? (to ?? newest) - 1));
        if (right is null || (from is not null && left is null))
            return Problems.NotFound($"条目“{id}”没有所请求的版本（现有第 1–{newest} 版）。");
        return Results.Ok(new { from = left?.Entry.Version, to = right.Entry.Version, diff = EntryDiff.Between(left?.Entry, right.Entry) });
    }

    private static async Task<IResult> RollbackAsync(string id, HttpContext http, IBankStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<RollbackRequest>(http.Request, 16 * 1024, """{"version":2,"note":"恢复旧版收费说明"}""");
        if (error is not null) return error;
        if (body!.Version is not { } version) return Problems.BadRequest("请指定要恢复的版本号 version。");
        var history = await store.GetHistoryAsync(id, ct);
        if (history.Count == 0) return Problems.NotFound($"没有编号为“{id}”的问答条目。");
        if (history.FirstOrDefault(v => v.Entry.Version == version) is not { } target)
            return Problems.NotFound($"条目“{id}”没有第 {version} 版（现有第 1–{history[^1].Entry.Version} 版）。");
        var old = target.Entry;
        var changes = new DraftChanges
        {
            Question = old.Question, SimilarQuestions = old.SimilarQuestions, Answer = old.Answer, Category = old.Category ?? "",
            Department = old.Department ?? "", Region = old.Region ?? "", Tags = old.Tags, Source = old.Source ?? "", Basis = old.Basis ?? "",
            ValidFrom = EntryView.Day(old.ValidFrom) ?? "", ValidTo = EntryView.Day(old.ValidTo) ?? "",
            Status = old.Status == FaqStatus.Retired ? "retired" : "published",
        };
        var me = AgentAuth.ProfileOf(http.User);
        var note = $"恢复到第 {version} 版" + (string.IsNullOrWhiteSpace(body.Note) ? "" : "：" + body.Note.Trim());
        try
        {
            var draft = await store.CreateDraftAsync(id, changes, DraftOrigin.Rollback, note, me.Id, cancellationToken: ct);
            await audit.RecordAsync(me.Id, "entry.rollback", id, $"draft={draft.Id}; toVersion={version}", ct);
            return Results.Created($"/api/admin/bank/drafts/{draft.Id}", await DraftsApi.ViewAsync(store, draft, me, http, ct));
        }
        catch (InvalidFaqEntryException e) { return AdminProblems.Of(e); }
        catch (DraftException e) { return AdminProblems.Of(e); }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record RollbackRequest(int? Version, string? Note);
}
