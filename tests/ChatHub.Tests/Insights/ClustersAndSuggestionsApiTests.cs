using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Audit;

namespace GovAssistant.ChatHub.Tests.Insights;

/// <summary>The editors' side: unanswered clusters and suggestions from the known history, and their one-step marks.</summary>
public sealed class ClustersAndSuggestionsApiTests(KnownHistoryFixture fixture) : IClassFixture<KnownHistoryFixture>
{
    [Fact]
    public async Task AClusterMarkedHandledLeavesTheListAndTheMarkIsAudited()
    {
        using var editor = await fixture.Host.StaffAsync("chen.cluster", "陈编辑", "editor");
        var clusters = await GetAsync(editor, "clusters");
        var weather = clusters.Single(c => c!["label"]!.GetValue<string>() == "今天天气怎么样")!;
        Assert.Equal(2, weather["count"]!.GetValue<int>());
        var ids = weather["questionIds"]!.AsArray().Select(i => i!.GetValue<long>()).ToArray();
        Assert.Equal(2, ids.Length);

        var marked = await editor.PostAsJsonAsync("/api/admin/insights/clusters/handled", new { questionIds = ids, draftId = "draft-7", action = "draft" });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(2, (await marked.Content.ReadFromJsonAsync<JsonObject>())!["marked"]!.GetValue<int>());

        Assert.DoesNotContain(await GetAsync(editor, "clusters"), c => c!["label"]!.GetValue<string>() == "今天天气怎么样");
        Assert.Contains(await GetAsync(editor, "clusters"), c => c!["label"]!.GetValue<string>() == "怎么炒股");
        var audit = await fixture.Host.Services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery(Action: "insights.cluster.handled"));
        Assert.Equal(("chen.cluster", "draft-7"), (audit.Single().Actor, audit.Single().Target));
    }

    [Fact]
    public async Task APickedClarificationAndAThumbsDownBecomeSuggestionsThatEditorsAcceptOrReject()
    {
        using var editor = await fixture.Host.StaffAsync("chen.suggest", "陈编辑", "editor");
        var history = fixture.History;
        var suggestions = await GetAsync(editor, "suggestions");

        // The visitor asked 护照 and picked the first choice: 护照 may become a similar question of that entry.
        var similar = suggestions.Single(s => s!["kind"]!.GetValue<string>() == "similar" && s["entryId"]!.GetValue<string>() == history.PickedEntryId)!;
        Assert.Equal("护照", similar["question"]!.GetValue<string>());
        Assert.Equal(history.PickedQuestion, similar["entryQuestion"]!.GetValue<string>());
        // The answer then got a 👎: flagged for review.
        var review = suggestions.Single(s => s!["kind"]!.GetValue<string>() == "review")!;
        Assert.Equal(history.PickedEntryId, review["entryId"]!.GetValue<string>());

        var accept = await editor.PostAsJsonAsync("/api/admin/insights/suggestions/resolve",
            new { questionIds = similar["questionIds"], status = "accepted", draftId = "draft-9" });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var reject = await editor.PostAsJsonAsync("/api/admin/insights/suggestions/resolve", new { questionIds = review["questionIds"], status = "rejected" });
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);

        var left = await GetAsync(editor, "suggestions");
        Assert.DoesNotContain(left, s => s!["entryId"]!.GetValue<string>() == history.PickedEntryId);
        var audit = await fixture.Host.Services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery(Actor: "chen.suggest"));
        Assert.Equal(["insights.suggestion.accepted", "insights.suggestion.rejected"], audit.Select(a => a.Action).Order());
    }

    [Fact]
    public async Task MarksAreValidatedAndOnlyBankStaffMayMakeThem()
    {
        using var editor = await fixture.Host.StaffAsync("chen.checks", "陈编辑", "editor");
        foreach (var body in new object[]
        {
            new { questionIds = Array.Empty<long>(), draftId = "d", action = "draft" },
            new { questionIds = new[] { -1L }, draftId = "d", action = "draft" },
            new { questionIds = new[] { 1L }, action = "draft" },
            new { questionIds = new[] { 1L }, draftId = "d", action = "publish" },
        })
            Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/api/admin/insights/clusters/handled", body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await editor.PostAsJsonAsync("/api/admin/insights/suggestions/resolve", new { questionIds = new[] { 1L }, status = "accepted" })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Supervisor.GetAsync("/api/admin/insights/clusters")).StatusCode);
    }

    private static async Task<JsonArray> GetAsync(HttpClient client, string what)
    {
        var response = await client.GetAsync($"/api/admin/insights/{what}?{KnownHistory.Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}
