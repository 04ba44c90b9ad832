namespace GovAssistant.ChatHub.Tests.Fuzz;

/// <summary>A valid body for each endpoint the fuzzer mutates, by route (longest match wins); a generic one otherwise.</summary>
public static class FuzzExamples
{
    private static readonly (string Route, string Body)[] Bodies =
    [
        ("/api/ask", """{"question":"居住证怎么办理","conversationId":"fuzz-1"}"""),
        ("/api/agents/login", """{"username":"zhang.min","password":"Wrong-pass-1234","returnUrl":"/agent/"}"""),
        ("/api/admin/agents", """{"id":"fuzz.agent","name":"模糊测试","password":"Fuzz-pass-9981","departments":["税务局"],"roles":["agent"],"capacity":5,"disabled":false}"""),
        ("/api/admin/bank/drafts", """{"baseEntryId":"HJ-001","question":"居住证怎么办理","answer":"带身份证到派出所。","origin":"editor","note":"补充"}"""),
        ("/api/admin/bank/drafts/{id}/reject", """{"reason":"依据不足"}"""),
        ("/api/admin/bank/drafts/{id}/publish", """{"note":"发布"}"""),
        ("/api/admin/bank/superseded-policies", """{"basis":"《居住证暂行条例》","note":"已废止"}"""),
        ("/api/admin/bank/entries/{id}/rollback", """{"version":1,"note":"恢复"}"""),
        ("/api/admin/bank/consistency/decision", """{"pair":"HJ-001|HJ-002","action":"dismiss","keep":"HJ-001","note":"不冲突"}"""),
        ("/api/admin/insights/followups", """{"conversationId":"fuzz-1","note":"已回访"}"""),
        ("/api/admin/insights/clusters/handled", """{"questionIds":[1,2],"draftId":"D-1","action":"draft"}"""),
        ("/api/admin/insights/suggestions/resolve", """{"questionIds":[1],"status":"accepted","draftId":"D-1"}"""),
        ("/api/canned-replies/manage", """{"department":"税务局","text":"请携带身份证。"}"""),
        ("/api/wechat/{appId}/login", """{"code":"fuzz-code"}"""),
        ("/directline/tokens/generate", """{"user":{"id":"dl_fuzz","name":"访客"}}"""),
        ("/directline/conversations/{conversationId}/activities", """{"type":"message","from":{"id":"dl_fuzz"},"text":"居住证怎么办理","channelData":{"clientActivityID":"c1"}}"""),
    ];

    private const string Generic = """{"text":"你好","id":"x","value":1}""";

    /// <summary>The example body for <paramref name="route"/> (a route pattern such as <c>/api/admin/bank/drafts/{id}</c>).</summary>
    public static string For(string route) =>
        Bodies.Where(b => route.StartsWith(b.Route, StringComparison.OrdinalIgnoreCase)).OrderByDescending(b => b.Route.Length).Select(b => b.Body).FirstOrDefault()
        ?? Generic;
}
