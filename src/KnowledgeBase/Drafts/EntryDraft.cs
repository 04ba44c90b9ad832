namespace GovAssistant.KnowledgeBase;

/// <summary>
/// A proposed change to the bank, waiting for a reviewer: the whole entry as it would be published
/// (<see cref="Proposed"/>), the entry and version it was based on, and who proposed it and why.
/// An editor's change never reaches the answering engine until a reviewer publishes it.
/// </summary>
public sealed record EntryDraft
{
    /// <summary>Draft id, e.g. <c>D-12</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The entry this draft changes; null for a proposed new entry.</summary>
    public string? BaseEntryId { get; init; }

    /// <summary>The version of the base entry the draft was made from (publishing a stale draft is refused).</summary>
    public int? BaseVersion { get; init; }

    /// <summary>
    /// The entry as it would be published. For a new entry <see cref="FaqEntry.Id"/> is the requested id or empty
    /// (one is assigned on publish); question and answer may be empty in an incomplete proposal.
    /// </summary>
    public required FaqEntry Proposed { get; init; }

    /// <summary>Where the draft came from.</summary>
    public DraftOrigin Origin { get; init; }

    /// <summary>The proposer's note (why, which conversation …).</summary>
    public string? Note { get; init; }

    /// <summary>Review status.</summary>
    public DraftStatus Status { get; init; }

    /// <summary>Import batch the draft belongs to, if any.</summary>
    public string? BatchId { get; init; }

    /// <summary>Who proposed it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was proposed.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who last edited it.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>When it was last edited.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The reviewer who published or rejected it.</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>When it was published or rejected.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>Why it was rejected.</summary>
    public string? RejectReason { get; init; }

    /// <summary>The entry version publishing made.</summary>
    public int? PublishedVersion { get; init; }

    /// <summary>The department that owns the change: the base entry's when editing, else the proposed one.</summary>
    public string? OwningDepartment(FaqEntry? baseEntry) => baseEntry?.Department ?? Proposed.Department;

    /// <summary>What still has to be filled in before the draft can be published (Chinese), empty when complete.</summary>
    public IReadOnlyList<string> MissingFields => DraftRules.Missing(Proposed);

    /// <summary>True when the draft can be published as it is.</summary>
    public bool IsComplete => MissingFields.Count == 0;
}
