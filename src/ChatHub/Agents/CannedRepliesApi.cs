using System.Globalization;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Canned replies for the console (<c>GET /api/canned-replies?department=</c>, any staff member), their management by
/// supervisors of the department (<c>/api/canned-replies/manage</c>), and the department list the console offers for
/// transfers (<c>GET /api/departments</c>).
/// </summary>
internal static class CannedRepliesApi
{
    private const long MaxBodyBytes = 8 * 1024;
    private const string Example = """{"department":"医疗保障局","text":"异地就医备案可在“国家医保服务平台”App 申请。"}""";

    public static IEndpointRouteBuilder MapCannedRepliesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/departments", DepartmentsAsync).RequireAuthorization(AgentAuth.AgentPolicy);

        var replies = app.MapGroup("/api/canned-replies").RequireAuthorization(AgentAuth.AgentPolicy);
        replies.MapGet("/", async (string? department, CannedReplyStore store, CancellationToken ct) =>
            Results.Ok((await store.ForDepartmentAsync(department?.Trim(), ct)).Select(CannedReplyView.Of)));

        var manage = app.MapGroup("/api/canned-replies/manage").RequireAuthorization(AgentAuth.SupervisorPolicy);
        manage.MapGet("/", async (HttpContext http, CannedReplyStore store, CancellationToken ct) =>
        {
            var me = AgentAuth.ProfileOf(http.User);
            return Results.Ok((await store.ListAsync(ct)).Select(r => CannedReplyView.Of(r) with { Editable = MayManage(me, r.Department) }));
        });
        manage.MapPost("/", AddAsync);
        manage.MapPut("/{id:long}", UpdateAsync);
        manage.MapDelete("/{id:long}", DeleteAsync);
        return app;
    }

    // Departments of the published bank and of the staff accounts: whatever a conversation can be routed to.
    private static async Task<IResult> DepartmentsAsync(AnswerEngine engine, AgentAccountStore accounts, CancellationToken ct)
    {
        var staff = (await accounts.ListAsync(ct)).Where(a => !a.Disabled).SelectMany(a => a.Departments);
        var all = engine.Departments.Concat(staff).Where(d => d != "*").Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false));
        return Results.Ok(all);
    }

    private static async Task<IResult> AddAsync(HttpContext http, CannedReplyStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<CannedReplyRequest>(http.Request, MaxBodyBytes, Example);
        if (error is not null) return error;
        var department = body!.Department?.Trim() ?? "";
        if (CannedReply.Check(department, body.Text) is { } problem) return Problems.BadRequest(problem);
        var me = AgentAuth.ProfileOf(http.User);
        if (!MayManage(me, department)) return Forbidden(department);
        var reply = await store.AddAsync(department, body.Text!, me.Id, ct);
        await audit.RecordAsync(me.Id, "canned.create", reply.Id.ToString(CultureInfo.InvariantCulture), $"department={department}", ct);
        // The caller was just allowed to manage this department's replies, so the reply is theirs to edit.
        return Results.Created($"/api/canned-replies/manage/{reply.Id}", CannedReplyView.Of(reply) with { Editable = true });
    }

    private static async Task<IResult> UpdateAsync(long id, HttpContext http, CannedReplyStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<CannedReplyRequest>(http.Request, MaxBodyBytes, Example);
        if (error is not null) return error;
        var department = body!.Department?.Trim() ?? "";
        if (CannedReply.Check(department, body.Text) is { } problem) return Problems.BadRequest(problem);
        var me = AgentAuth.ProfileOf(http.User);
        var existing = await store.GetAsync(id, ct);
        if (existing is null) return Problems.NotFound($"没有编号为 {id} 的常用语。");
        if (!MayManage(me, existing.Department)) return Forbidden(existing.Department);
        if (!MayManage(me, department)) return Forbidden(department);
        var updated = await store.UpdateAsync(id, department, body.Text!, me.Id, ct);
        if (updated is null) return Problems.NotFound($"没有编号为 {id} 的常用语。");
        await audit.RecordAsync(me.Id, "canned.update", id.ToString(CultureInfo.InvariantCulture), $"department={department}", ct);
        return Results.Ok(CannedReplyView.Of(updated) with { Editable = true });
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext http, CannedReplyStore store, AuditLog audit, CancellationToken ct)
    {
        var me = AgentAuth.ProfileOf(http.User);
        var existing = await store.GetAsync(id, ct);
        if (existing is null) return Problems.NotFound($"没有编号为 {id} 的常用语。");
        if (!MayManage(me, existing.Department)) return Forbidden(existing.Department);
        await store.DeleteAsync(id, ct);
        await audit.RecordAsync(me.Id, "canned.delete", id.ToString(CultureInfo.InvariantCulture), $"department={existing.Department}", ct);
        return Results.NoContent();
    }

    // Admins and supervisors of every department ("*") manage everything; other supervisors their own departments.
    private static bool MayManage(AgentProfile me, string department) =>
        me.Roles.Contains(AgentRoles.Admin) || me.Departments.Contains("*") || (department.Length > 0 && me.Serves(department));

    private static IResult Forbidden(string department) => Problems.Forbidden(
        department.Length == 0 ? "通用常用语只能由管理员或负责全部部门的班长维护。" : $"您不负责“{department}”，不能维护该部门的常用语。");
}

/// <summary>Body of a canned reply create/update.</summary>
internal sealed record CannedReplyRequest(string? Department, string? Text);

/// <summary>A canned reply as the console shows it.</summary>
internal sealed record CannedReplyView(long Id, string Department, string Text, string UpdatedBy, DateTimeOffset UpdatedAt, bool Editable)
{
    public static CannedReplyView Of(CannedReply r) => new(r.Id, r.Department, r.Text, r.UpdatedBy, r.UpdatedAt, false);
}
