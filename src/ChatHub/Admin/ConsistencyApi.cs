using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Admin;

/// <summary>
/// <c>/api/admin/bank/consistency</c>: the flags, a run on demand, and a reviewer's decision on a pair —
/// merge (keep one; the other's phrasings join it and the other is retired, both through drafts), link
/// (both stay, knowingly) or dismiss (not a real conflict; stays dismissed until either answer changes).
/// </summary>
internal static class ConsistencyApi
{
    public static RouteGroupBuilder MapConsistency(this RouteGroupBuilder bank)
    {
        bank.MapGet("/consistency", async (ConsistencyFlagStore flags, ConsistencyMonitor monitor, string? status) =>
        {
            if (!string.IsNullOrEmpty(status) && status != "all" && !ConsistencyFlagStore.Statuses.Contains(status))
                return Problems.BadRequest("status 只能是 open、dismissed、linked、merged、resolved 或 all。");
            return Results.Ok(new { lastRun = monitor.LastRun, items = await flags.ListAsync(status is null or "" ? "open" : status == "all" ? null : status) });
        }).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapPost("/consistency/run", async (HttpContext http, ConsistencyMonitor monitor, AuditLog audit, CancellationToken ct) =>
        {
            var run = await monitor.RunAsync(ct);
            await audit.RecordAsync(AgentAuth.ProfileOf(http.User).Id, "consistency.run", $"revision {run.Revision}", $"found={run.Found}; open={run.Open}", ct);
            return Results.Ok(run);
        }).RequireAuthorization(AgentAuth.BankPolicy);
        bank.MapPost("/consistency/decision", DecideAsync).RequireAuthorization(AgentAuth.BankPolicy);
        return bank;
    }

    private static async Task<IResult> DecideAsync(HttpContext http, ConsistencyFlagStore flags, IBankStore store, AuditLog audit,
        TimeProvider time, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<DecisionRequest>(http.Request, 16 * 1024,
            """{"pair":"HJ-001|HJ-101","action":"merge","keep":"HJ-001","note":"保留户政部门口径"}""");
        if (error is not null) return error;
        if (body!.Action is not ("merge" or "link" or "dismiss")) return Problems.BadRequest("action 只能是 merge、link 或 dismiss。");
        if (body.Note is { Length: > 500 }) return Problems.BadRequest("说明过长（最多 500 字）。");
        if (string.IsNullOrEmpty(body.Pair) || await flags.GetAsync(body.Pair) is not { } flag) return Problems.NotFound($"没有问答对“{body.Pair}”的一致性标记。");
        var me = AgentAuth.ProfileOf(http.User);
        if (BankAccess.RefusalFor(me, [flag.FirstDepartment, flag.SecondDepartment]) is { } refusal) return Problems.Forbidden(refusal);

        string? draftIds = null;
        if (body.Action == "merge")
        {
            if (body.Keep != flag.FirstId && body.Keep != flag.SecondId)
                return Problems.BadRequest($"合并时请用 keep 指定保留的条目：{flag.FirstId} 或 {flag.SecondId}。");
            var dropId = body.Keep == flag.FirstId ? flag.SecondId : flag.FirstId;
            if (await store.GetAsync(dropId, ct) is not { } drop) return Problems.NotFound($"没有编号为“{dropId}”的问答条目。");
            try
            {
                var gain = await store.CreateDraftAsync(body.Keep, new DraftChanges { AddSimilarQuestions = [drop.Question, .. drop.SimilarQuestions] },
                    DraftOrigin.Editor, $"合并 {dropId} 的问法（一致性检查）", me.Id, cancellationToken: ct);
                var retire = await store.CreateDraftAsync(dropId, new DraftChanges { Status = "retired" },
                    DraftOrigin.Editor, $"并入 {body.Keep}（一致性检查）", me.Id, cancellationToken: ct);
                draftIds = gain.Id + "," + retire.Id;
            }
            catch (InvalidFaqEntryException e) { return AdminProblems.Of(e); }
            catch (DraftException e) { return AdminProblems.Of(e); }
        }

        var status = body.Action switch { "merge" => "merged", "link" => "linked", _ => "dismissed" };
        await flags.DecideAsync(flag.PairKey, status, me.Id, body.Note?.Trim(), draftIds, time.GetUtcNow());
        await audit.RecordAsync(me.Id, "consistency." + body.Action, flag.PairKey,
            string.Join("; ", new[] { body.Keep is null ? null : "keep=" + body.Keep, draftIds is null ? null : "drafts=" + draftIds, body.Note }.OfType<string>()), ct);
        return Results.Ok(await flags.GetAsync(flag.PairKey));
    }

    private sealed record DecisionRequest(string? Pair, string? Action, string? Keep, string? Note);
}
