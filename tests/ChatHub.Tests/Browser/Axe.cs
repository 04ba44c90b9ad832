using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>
/// axe-core over a page in Chromium, against WCAG 2.1 A/AA (what GB/T 37668 and the 适老化 rules build on).
/// A page passes with no critical and no serious violation; moderate and minor ones are reported, not failed.
/// </summary>
public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly string[] Blocking = ["critical", "serious"];

    /// <summary>Runs axe on <paramref name="page"/> as it is now and returns every violation.</summary>
    public static async Task<AxeResult> RunAsync(IPage page) =>
        await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });

    /// <summary>Fails, naming each rule, element and fix, when axe finds a critical or serious violation; returns the
    /// number of violations of each impact (for the report).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await RunAsync(page);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        var lines = blocking.SelectMany(v => v.Nodes.Select(n => $"[{v.Impact}] {v.Id}: {v.Help} — {n.Target} {n.Html}"));
        Assert.True(blocking.Count == 0, $"{what}：axe 发现 {blocking.Count} 条严重问题\n" + string.Join("\n", lines));
        return result.Violations.GroupBy(v => v.Impact ?? "unknown").ToDictionary(g => g.Key, g => g.Count());
    }
}
