namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// A text as the engine sees it: its normalised form, the distinct words of the word analyzer, the distinct
/// character bigrams and the distinct single characters. Built once per question and once per indexed phrasing.
/// </summary>
public sealed record AnalyzedText(string Normalized, string[] Words, string[] Bigrams, string[] Chars)
{
    /// <summary>The normalised text without spaces, for order-sensitive comparison.</summary>
    public string Compact { get; } = Normalized.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>True when nothing searchable is left (only punctuation, emoji or stop words).</summary>
    public bool IsEmpty => Words.Length == 0 && Bigrams.Length == 0;
}
