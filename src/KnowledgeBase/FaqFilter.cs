namespace GovAssistant.KnowledgeBase;

/// <summary>Which entries <see cref="IBankStore.ListAsync"/> returns; every criterion left null matches all. Results are ordered by id.</summary>
public sealed record FaqFilter
{
    /// <summary>Only entries with this status.</summary>
    public FaqStatus? Status { get; init; }

    /// <summary>Only entries of this category (exact match).</summary>
    public string? Category { get; init; }

    /// <summary>Only entries of this department (exact match).</summary>
    public string? Department { get; init; }

    /// <summary>Only entries for this region (exact match).</summary>
    public string? Region { get; init; }

    /// <summary>Only entries from this source (exact match).</summary>
    public string? Source { get; init; }

    /// <summary>Only entries whose last valid day is on or before this day (expired or expiring).</summary>
    public DateOnly? ValidToOnOrBefore { get; init; }

    /// <summary>Only entries valid on this day (validity dates only; status is <see cref="Status"/>'s business).</summary>
    public DateOnly? ValidOn { get; init; }

    /// <summary>Only entries whose id, question, similar questions or answer contain this text.</summary>
    public string? Text { get; init; }

    /// <summary>Entries to skip, for paging.</summary>
    public int Skip { get; init; }

    /// <summary>Most entries to return; null for all.</summary>
    public int? Take { get; init; }
}
