using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>Questions asked without pause while reviewers publish are all answered: re-indexing swaps, it never empties.</summary>
public sealed class PublishUnderLoadTests(BankAdminHost bank) : IClassFixture<BankAdminHost>
{
    [Fact]
    public async Task QuestionsAskedContinuouslyDuringPublishesAreAllAnswered()
    {
        using var reviewer = await bank.StaffAsync("reviewer.load", ["reviewer", "editor"], "*");
        // Four-eyes review: an editor proposes, the reviewer publishes.
        using var editor = await bank.StaffAsync("editor.load", ["editor"], "*");
        using var asker = bank.Host.NewClient();
        using var stop = new CancellationTokenSource();
        var questions = new[] { "身份证丢了怎么补办？", "居住证怎么申领？", "新生儿怎么落户口？" };
        var results = new System.Collections.Concurrent.ConcurrentBag<(string Question, JsonObject Answer)>();

        async Task AskLoop(int worker)
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 2000; i++)
            {
                var question = questions[(worker + i) % questions.Length];
                using var response = await asker.PostAsJsonAsync("/api/ask", new { question });
                response.EnsureSuccessStatusCode();
                results.Add((question, (await response.Content.ReadFromJsonAsync<JsonObject>())!));
            }
        }

        var loops = Enumerable.Range(0, 4).Select(w => Task.Run(() => AskLoop(w))).ToArray();
        var published = 0;
        for (var round = 1; round <= 3; round++)
        {
            // Each publish changes an answer and a phrasing of a hot entry, so its documents are re-indexed.
            var draft = await editor.ProposeAsync(new
            {
                baseEntryId = "JZ-001", addSimilarQuestions = new[] { $"居住证申请第{round}种问法" }, origin = "editor",
            });
            await reviewer.PublishedAsync(draft.Id());
            published++;
        }
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.Equal(3, published);
        Assert.True(results.Count >= 12, $"only {results.Count} questions were asked during the publishes");
        var unanswered = results.Where(r => r.Answer["decision"]!.GetValue<string>() != "answered").ToList();
        Assert.True(unanswered.Count == 0, $"{unanswered.Count} of {results.Count} questions went unanswered, e.g. {unanswered.FirstOrDefault().Question}");
        var jz = (await reviewer.GetJsonAsync("/api/admin/bank/entries/JZ-001"))["entry"]!;
        Assert.Equal(4, jz["version"]!.GetValue<int>());
    }
}
