namespace GovAssistant.KnowledgeBase;

/// <summary>Saves entry versions inside one write transaction: the current row and its history row.</summary>
internal interface IEntryWriter : IDisposable
{
    /// <summary>Makes <paramref name="entry"/> (already carrying its new version and time) current and records it in the history.</summary>
    void Save(FaqEntry entry, ChangeKind kind, string changedBy, string? note = null, string? reviewedBy = null);

    /// <summary>Writes whatever <see cref="Save"/> still holds; call before the transaction commits.</summary>
    void Flush();
}
