namespace GovAssistant.QaEngine.Consistency;

/// <summary>Compares the facts of two answers kind by kind.</summary>
public static class FactComparison
{
    /// <summary>
    /// The kinds on which <paramref name="first"/> and <paramref name="second"/> disagree. A kind only one answer
    /// mentions is not a disagreement (one answer may simply say less); both must state it, differently.
    /// </summary>
    public static IReadOnlyList<FactConflict> Conflicts(AnswerFacts first, AnswerFacts second)
    {
        var conflicts = new List<FactConflict>();
        foreach (var kind in Enum.GetValues<FactKind>())
        {
            var a = first.Of(kind);
            var b = second.Of(kind);
            if (a.Count == 0 || b.Count == 0 || a.SetEquals(b)) continue;
            // An office named in more or less detail ("派出所" within "户籍派出所") is the same office.
            if (kind == FactKind.Office && (Covers(a, b) || Covers(b, a))) continue;
            conflicts.Add(new FactConflict(kind, [.. a.Except(b)], [.. b.Except(a)]));
        }
        return conflicts;
    }

    private static bool Covers(IReadOnlySet<string> big, IReadOnlySet<string> small) =>
        small.All(s => big.Any(b => b.Contains(s, StringComparison.Ordinal) || s.Contains(b, StringComparison.Ordinal)));
}
