using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.KnowledgeBase;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Admin;

/// <summary>
/// <c>/api/admin/bank/needs-review</c> (expired, expiring or resting on a superseded policy, filtered to the caller's
/// departments) and the superseded-policy list <c>/api/admin/bank/superseded-policies</c>.
/// </summary>
internal static class ReviewDueApi
{
    public static RouteGroupBuilder MapReviewDue(this RouteGroupBuilder bank)
    {
        bank.MapGet("/needs-review", NeedsReviewAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapGet("/superseded-policies", async (IBankStore store, CancellationToken ct) =>
            Results.Ok(new { items = await store.ListSupersededPoliciesAsync(ct) })).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapPost("/superseded-policies", AddPolicyAsync).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapDelete("/superseded-policies", RemovePolicyAsync).RequireAuthorization(AgentAuth.BankPolicy);
        return bank;
    }

    private static async Task<IResult> NeedsReviewAsync(HttpContext http, IBankStore store, TimeProvider time, IOptions<BankAdminOptions> options,
        int? days, CancellationToken ct)
    {
        var window = days ?? options.Value.ExpiryWindowDays;
        if (window is < 0 or > 3650) return Problems.BadRequest("days 应在 0–3650 之间。");
        var me = AgentAuth.ProfileOf(http.User);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var published = await store.ListAsync(new FaqFilter { Status = FaqStatus.Published }, ct);
        var policies = await store.ListSupersededPoliciesAsync(ct);
        var due = ReviewDue.Find(published.Where(e => BankAccess.Covers(me, e.Department)), policies.Select(p => p.Basis), today, window);
        return Results.Ok(new
        {
            days = window,
            items = due.Select(d => new { entry = EntryView.Of(d.Entry), d.Expired, d.DaysLeft, d.SupersededBasis }),
        });
    }

    private static async Task<IResult> AddPolicyAsync(HttpContext http, IBankStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await ReadAsync(http);
        if (error is not null) return error;
        var me = AgentAuth.ProfileOf(http.User);
        var policy = await store.AddSupersededPolicyAsync(body!.Basis!, body.Note, me.Id, ct);
        await audit.RecordAsync(me.Id, "policy.supersede", policy.Basis, policy.Note, ct);
        return Results.Created("/api/admin/bank/superseded-policies", policy);
    }

    private static async Task<IResult> RemovePolicyAsync(HttpContext http, IBankStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await ReadAsync(http);
        if (error is not null) return error;
        var me = AgentAuth.ProfileOf(http.User);
        if (!await store.RemoveSupersededPolicyAsync(body!.Basis!, ct)) return Problems.NotFound($"“{body.Basis}”不在已废止政策列表中。");
        await audit.RecordAsync(me.Id, "policy.restore", body.Basis!.Trim(), null, ct);
        return Results.NoContent();
    }

    private static async Task<(PolicyRequest? Value, IResult? Error)> ReadAsync(HttpContext http)
    {
        var (body, error) = await JsonBody.ReadAsync<PolicyRequest>(http.Request, 16 * 1024, """{"basis":"《居住证暂行条例》","note":"已被新条例替代"}""");
        if (error is not null) return (null, error);
        if (GovAssistant.KnowledgeBase.TextRules.Problem(body!.Basis, "政策名称 basis 不能为空，请填写。") is { } problem) return (null, Problems.BadRequest(problem));
        if (body.Basis!.Trim().Length > 200) return (null, Problems.BadRequest("政策名称过长（最多 200 字）。"));
        if (body.Note is { Length: > 500 }) return (null, Problems.BadRequest("说明过长（最多 500 字）。"));
        return (body, null);
    }

    private sealed record PolicyRequest(string? Basis, string? Note);
}
