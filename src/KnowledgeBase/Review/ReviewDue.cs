namespace GovAssistant.KnowledgeBase;

/// <summary>Why a published entry needs a reviewer's attention.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Expired">True when its last valid day has passed (it is no longer answered).</param>
/// <param name="DaysLeft">Days until its last valid day (negative once expired); null without an end date.</param>
/// <param name="SupersededBasis">The superseded policy its basis cites, if any.</param>
public sealed record ReviewDueItem(FaqEntry Entry, bool Expired, int? DaysLeft, string? SupersededBasis);

/// <summary>
/// Finds the published entries to review: expired, expiring within a window, or resting on a superseded policy.
/// </summary>
public static class ReviewDue
{
    /// <summary>
    /// The entries of <paramref name="published"/> that expire on or before <paramref name="today"/> + <paramref name="windowDays"/>,
    /// or whose basis cites one of <paramref name="superseded"/> (by name, ignoring 《》 and spaces); soonest first.
    /// </summary>
    public static IReadOnlyList<ReviewDueItem> Find(IEnumerable<FaqEntry> published, IEnumerable<string> superseded, DateOnly today, int windowDays)
    {
        var policies = superseded.Select(Key).Where(k => k.Length > 0).Distinct().ToList();
        var limit = today.AddDays(windowDays);
        var due = new List<ReviewDueItem>();
        foreach (var entry in published)
        {
            if (entry.Status != FaqStatus.Published) continue;
            int? daysLeft = entry.ValidTo is { } to ? to.DayNumber - today.DayNumber : null;
            var basis = entry.Basis is { } b ? Key(b) : "";
            var cited = basis.Length == 0 ? null : policies.FirstOrDefault(p => basis.Contains(p, StringComparison.Ordinal));
            var expiring = entry.ValidTo is { } end && end <= limit;
            if (!expiring && cited is null) continue;
            due.Add(new ReviewDueItem(entry, entry.ValidTo is { } last && last < today, daysLeft, cited is null ? null : superseded.First(s => Key(s) == cited)));
        }
        return [.. due.OrderBy(d => d.DaysLeft ?? int.MaxValue).ThenBy(d => d.Entry.Id, StringComparer.Ordinal)];
    }

    private static string Key(string policy) =>
        new([.. policy.Where(c => !char.IsWhiteSpace(c) && c is not ('《' or '》' or '<' or '>'))]);
}
