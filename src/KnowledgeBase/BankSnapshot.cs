namespace GovAssistant.KnowledgeBase;

/// <summary>
/// An immutable view of the published bank at one moment: what the answering engine indexes.
/// Entries are the published ones; validity dates are still checked at answer time so that an entry
/// that expires between two publishes stops being answered on its own.
/// </summary>
/// <param name="Entries">Published entries.</param>
/// <param name="Revision">Monotonic number of the publish that produced this snapshot.</param>
/// <param name="PublishedAt">When the snapshot was taken.</param>
public sealed record BankSnapshot(IReadOnlyList<FaqEntry> Entries, long Revision, DateTimeOffset PublishedAt);
