namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// "这个证", "那张卡": a story names the document once (在厂附近合租…厂里说有居住证好处多) and its question points back
/// to it (第一次办这个证要带哪些东西). The reference is read as the document last named before it.
/// </summary>
public static class References
{
    // Pointing words, longest first, and the kind of document each points to: the last character a document's name
    // must hold (证 of 居住证, 驾驶证, 出生证明; 照 of 驾照 is a 证 too; 卡 of 社保卡).
    private static readonly (string Words, string Kinds)[] Pointers =
    [
        ("这个证件", "证照"), ("那个证件", "证照"), ("这个证", "证照"), ("那个证", "证照"), ("这张证", "证照"), ("这本证", "证照"),
        ("这证", "证照"), ("那证", "证照"), ("这个卡", "卡"), ("那个卡", "卡"), ("这张卡", "卡"), ("那张卡", "卡"), ("这卡", "卡"),
    ];

    /// <summary>True when <paramref name="clause"/> (normalised) points back to a document (这个证, 那张卡).</summary>
    public static bool PointsBack(string clause)
    {
        foreach (var (words, _) in Pointers)
            if (clause.Contains(words, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// <paramref name="clause"/> (normalised) with its first pointer to a document replaced by
    /// <paramref name="lastDocuments"/>' last name of that kind; the clause as it is when it points to none or none was
    /// named.
    /// </summary>
    public static string Resolve(string clause, IReadOnlyList<string> lastDocuments)
    {
        if (lastDocuments.Count == 0) return clause;
        foreach (var (words, kinds) in Pointers)
        {
            var at = clause.IndexOf(words, StringComparison.Ordinal);
            if (at < 0) continue;
            for (var i = lastDocuments.Count - 1; i >= 0; i--)
                if (lastDocuments[i].AsSpan().IndexOfAny(kinds) >= 0)
                    return string.Concat(clause.AsSpan(0, at), lastDocuments[i], clause.AsSpan(at + words.Length));
            return clause;
        }
        return clause;
    }
}
