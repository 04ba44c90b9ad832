namespace GovAssistant.KnowledgeBase;

/// <summary>One version of an entry in its history: the entry as it was saved, and who saved it when.</summary>
/// <param name="Entry">The whole entry as saved; <see cref="FaqEntry.Version"/> is this version's number.</param>
/// <param name="Kind">What the change did.</param>
/// <param name="ChangedBy">Who made the change: an editor's account, or e.g. <c>import:hj.jsonl</c>.</param>
/// <param name="ChangedAt">When the change was committed.</param>
public sealed record EntryVersion(FaqEntry Entry, ChangeKind Kind, string ChangedBy, DateTimeOffset ChangedAt)
{
    /// <summary>What the change was about: the draft it came from and the proposer's note; null for imports and direct saves.</summary>
    public string? Note { get; init; }

    /// <summary>The reviewer who published the change; null when it did not go through review (seed, command-line import).</summary>
    public string? ReviewedBy { get; init; }
}
