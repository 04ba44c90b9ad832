using GovAssistant.KnowledgeBase;

namespace GovAssistant.QaEngine.Consistency;

/// <summary>One kind of fact on which two answers disagree: what only the first states and what only the second does.</summary>
public sealed record FactConflict(FactKind Kind, IReadOnlyList<string> OnlyInFirst, IReadOnlyList<string> OnlyInSecond);

/// <summary>
/// Two entries that answer (nearly) the same question but disagree on facts that matter.
/// <see cref="First"/> has the smaller id, so a pair is always reported the same way round.
/// </summary>
/// <param name="First">The entry with the smaller id.</param>
/// <param name="Second">The other entry.</param>
/// <param name="Similarity">How alike their closest phrasings are, in [0,1].</param>
/// <param name="FirstPhrasing">The phrasing of <paramref name="First"/> closest to <paramref name="Second"/>.</param>
/// <param name="SecondPhrasing">The phrasing of <paramref name="Second"/> closest to <paramref name="First"/>.</param>
/// <param name="Conflicts">The facts they disagree on (never empty).</param>
public sealed record ConsistencyFlag(FaqEntry First, FaqEntry Second, double Similarity, string FirstPhrasing, string SecondPhrasing,
    IReadOnlyList<FactConflict> Conflicts)
{
    /// <summary>True when two departments give different answers: the worst kind for a citizen.</summary>
    public bool CrossDepartment => !string.Equals(First.Department, Second.Department, StringComparison.Ordinal);

    /// <summary>The pair's stable key, <c>idA|idB</c>.</summary>
    public string PairKey => First.Id + "|" + Second.Id;
}

/// <summary>Settings of <see cref="ConsistencyChecker"/>.</summary>
public sealed class ConsistencyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Consistency";

    /// <summary>Similarity of the closest phrasings from which two entries count as the same question.</summary>
    public double SimilarityThreshold { get; set; } = 0.75;

    /// <summary>Words used by more entries than this are too common to propose a pair (办理, 需要 …).</summary>
    public int MaxEntriesPerWord { get; set; } = 300;

    /// <summary>Most candidate entries compared in full for each entry.</summary>
    public int CandidatesPerEntry { get; set; } = 20;
}
