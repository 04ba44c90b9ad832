using System.Text.Json;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Tests.Conversations;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>Every answer of the seed bank through the visitor page's own Markdown renderer (GovChat.markdown) in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SeedAnswerRenderingTests(Chromium chromium) : IAsyncLifetime
{
    // For each answer: [list items, items that swallowed a following line (a <br> inside an <li>)] as rendered by the
    // page's renderer, then the same two as rendered by marked alone (to show the check sees the defect).
    private const string Render = """
        answers => answers.map(text => {
          const count = (root) => [root.querySelectorAll("li").length, [...root.querySelectorAll("li")].filter(li => li.querySelector("br")).length];
          const raw = document.createElement("div");
          raw.innerHTML = DOMPurify.sanitize(marked.parse(text, { gfm: true, breaks: true, async: false }));
          return [...count(GovChat.markdown(text)), ...count(raw)];
        })
        """;

    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task EverySeedAnswerRendersItsLabelledLinesOutsideTheLists()
    {
        var entries = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seed"), "*.jsonl").Order()
            .SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Id: e.GetProperty("id").GetString()!, Answer: e.GetProperty("answer").GetString()!)).ToList();
        Assert.Equal(352, entries.Count);
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("msg-bot").First).ToBeVisibleAsync();

        var rendered = (await page.EvaluateAsync<int[][]>(Render, entries.Select(e => e.Answer).ToArray()))
            .Select(r => new Rendered(new Counts(r[0], r[1]), new Counts(r[2], r[3]))).ToList();

        var wrong = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var sourceItems = entries[i].Answer.Split('\n').Count(line => ListItem().IsMatch(line));
            if (rendered[i].Page.Swallowed > 0 || rendered[i].Page.Items != sourceItems)
                wrong.Add($"{entries[i].Id}: 源文 {sourceItems} 个列表项，渲染出 {rendered[i].Page.Items} 个，其中 {rendered[i].Page.Swallowed} 个吞并了后面的段落");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // The check is not blind: marked alone folds 办理地点/收费/提示 lines into the last bullet of many answers.
        Assert.True(rendered.Count(r => r.Raw.Swallowed > 0) >= 90, $"marked alone: {rendered.Count(r => r.Raw.Swallowed > 0)}");
        chromium.AssertNoPageErrors();
    }

    [GeneratedRegex(@"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")]
    private static partial Regex ListItem();

    private sealed record Counts(int Items, int Swallowed);

    private sealed record Rendered(Counts Page, Counts Raw);
}
