namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The bank: current entries, their history, drafts under review, superseded policies and the published revision.
/// Two implementations behave the same: <see cref="FaqStore"/> (one SQLite file) and <see cref="PostgresBankStore"/>
/// (a PostgreSQL database shared by several nodes). Safe to share as a singleton.
/// </summary>
public interface IBankStore
{
    /// <summary>The entry with this id, whatever its status, or null.</summary>
    Task<FaqEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The entries matching <paramref name="filter"/> (all of them when null), ordered by id.</summary>
    Task<IReadOnlyList<FaqEntry>> ListAsync(FaqFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>How many entries match <paramref name="filter"/>, ignoring its paging.</summary>
    Task<int> CountAsync(FaqFilter filter, CancellationToken cancellationToken = default);

    /// <summary>How many entries the bank holds, or only those with <paramref name="status"/>.</summary>
    Task<int> CountAsync(FaqStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>Every saved version of the entry, oldest first; empty for an unknown id.</summary>
    Task<IReadOnlyList<EntryVersion>> GetHistoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The current revision: changes whenever the bank or its published snapshot does. Cheap to poll.</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The published entries (validity dates not applied: the engine checks them per answer) with the current revision
    /// and the time that revision was made, read consistently even while an import runs.
    /// </summary>
    Task<BankSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a new revision without changing any entry and returns the snapshot of it. Changes are already visible
    /// in <see cref="GetSnapshotAsync"/> once saved; publishing is how an editor tells the engine to rebuild now.
    /// </summary>
    Task<BankSnapshot> PublishAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves one entry (tidied and checked); an entry identical to the stored one is left alone.</summary>
    /// <exception cref="InvalidFaqEntryException">The entry breaks a rule; nothing was saved.</exception>
    Task<FaqEntry> UpsertAsync(FaqEntry entry, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Saves many entries in one transaction, all or none; with <paramref name="replace"/> retires the stored entries not given.</summary>
    /// <exception cref="InvalidFaqEntryException">An entry breaks a rule or an id repeats; nothing was saved.</exception>
    Task<ImportResult> ImportAsync(IEnumerable<FaqEntry> entries, bool replace, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Saves the entries of a file <see cref="BankImporter"/> read; a report with any error saves nothing.</summary>
    /// <exception cref="InvalidFaqEntryException">The report has errors; nothing was saved.</exception>
    Task<ImportResult> ImportAsync(ImportReport report, bool replace, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Records a proposed change (to <paramref name="baseEntryId"/>, or a new entry) for review.</summary>
    /// <exception cref="InvalidFaqEntryException">A field breaks a rule, or a required field is missing.</exception>
    /// <exception cref="DraftException">The base entry does not exist.</exception>
    Task<EntryDraft> CreateDraftAsync(string? baseEntryId, DraftChanges changes, DraftOrigin origin, string? note,
        string author, string? batchId = null, CancellationToken cancellationToken = default);

    /// <summary>Turns the entries of an uploaded file into one batch of drafts, skipping unchanged ones.</summary>
    /// <exception cref="InvalidFaqEntryException">An entry breaks a rule; no draft was made.</exception>
    Task<IReadOnlyList<EntryDraft>> CreateImportDraftsAsync(IReadOnlyList<FaqEntry> entries, string author, string batchId,
        string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Edits a pending draft.</summary>
    /// <exception cref="DraftException">Unknown draft, or no longer pending.</exception>
    /// <exception cref="InvalidFaqEntryException">A field breaks a rule.</exception>
    Task<EntryDraft> UpdateDraftAsync(string draftId, DraftChanges changes, string? note, string editor, CancellationToken cancellationToken = default);

    /// <summary>The draft with this id, or null.</summary>
    Task<EntryDraft?> GetDraftAsync(string draftId, CancellationToken cancellationToken = default);

    /// <summary>Drafts with <paramref name="status"/> (all when null), of one import batch when given, newest first.</summary>
    Task<IReadOnlyList<EntryDraft>> ListDraftsAsync(DraftStatus? status = null, string? batchId = null, int max = 500,
        CancellationToken cancellationToken = default);

    /// <summary>Publishes a pending, complete, up-to-date draft as the entry's next version and moves the revision.</summary>
    /// <exception cref="DraftException">Unknown, not pending, incomplete, stale, or the new id is taken.</exception>
    Task<(EntryDraft Draft, FaqEntry Entry)> PublishDraftAsync(string draftId, string reviewer, CancellationToken cancellationToken = default);

    /// <summary>Rejects a pending draft with a reason; the bank is unchanged.</summary>
    /// <exception cref="DraftException">Unknown, or not pending.</exception>
    Task<EntryDraft> RejectDraftAsync(string draftId, string reviewer, string reason, CancellationToken cancellationToken = default);

    /// <summary>The policies marked superseded, by name.</summary>
    Task<IReadOnlyList<SupersededPolicy>> ListSupersededPoliciesAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks a policy superseded (or updates its note).</summary>
    Task<SupersededPolicy> AddSupersededPolicyAsync(string basis, string? note, string by, CancellationToken cancellationToken = default);

    /// <summary>Takes a policy off the superseded list; false when it was not on it.</summary>
    Task<bool> RemoveSupersededPolicyAsync(string basis, CancellationToken cancellationToken = default);
}
