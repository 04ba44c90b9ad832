namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// A text as the engine sees it: its normalised form, the same with canonical synonyms, the distinct words of the
/// word analyzer, the distinct character bigrams and the distinct single characters (both of the canonical form).
/// Built once per question and once per indexed phrasing.
/// </summary>
public sealed record AnalyzedText(string Normalized, string Canonical, string[] Words, string[] Bigrams, string[] Chars)
{
    /// <summary>The canonical text without spaces, for order-sensitive comparison.</summary>
    public string Compact { get; } = Canonical.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>True when nothing searchable is left (only punctuation, emoji or stop words).</summary>
    public bool IsEmpty => Words.Length == 0 && Bigrams.Length == 0;
}
