using System.Globalization;
using Dapper;
using System.Data.Common;

namespace GovAssistant.KnowledgeBase;

public abstract partial class BankStore
{
    /// <summary>
    /// Records a proposed change for review. With <paramref name="baseEntryId"/> the changes apply to that entry's
    /// current version; without, they describe a new entry. Nothing reaches the answering bank until
    /// <see cref="PublishDraftAsync"/>.
    /// </summary>
    /// <exception cref="InvalidFaqEntryException">A field breaks a rule, or a required field is missing for an origin that must be complete.</exception>
    /// <exception cref="DraftException">The base entry does not exist.</exception>
    public async Task<EntryDraft> CreateDraftAsync(string? baseEntryId, DraftChanges changes, DraftOrigin origin, string? note,
        string author, string? batchId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        return await WriteAsync((connection, transaction) =>
            InsertDraft(connection, transaction, baseEntryId, changes, origin, note, author, batchId), cancellationToken);
    }

    /// <summary>
    /// Turns the entries of an uploaded file into drafts in one transaction, one batch: an entry whose id exists
    /// becomes a change to it, any other a new entry. Entries identical to the stored ones are skipped.
    /// </summary>
    /// <returns>The drafts made (possibly none, when the file changes nothing).</returns>
    /// <exception cref="InvalidFaqEntryException">An entry breaks a rule; no draft was made.</exception>
    public async Task<IReadOnlyList<EntryDraft>> CreateImportDraftsAsync(IReadOnlyList<FaqEntry> entries, string author, string batchId,
        string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var checkedEntries = CheckAll(entries);
        return await WriteAsync((connection, transaction) =>
        {
            var made = new List<EntryDraft>();
            foreach (var entry in checkedEntries)
            {
                var stored = ReadEntry(connection, transaction, entry.Id);
                if (stored is not null && stored.HasSameContentAs(entry with { Status = stored.Status })) continue;
                made.Add(InsertDraft(connection, transaction, stored?.Id, ChangesOf(entry), DraftOrigin.Import, note, author, batchId));
            }
            return (IReadOnlyList<EntryDraft>)made;
        }, cancellationToken);
    }

    /// <summary>Edits a pending draft: the changes apply to what the draft proposes now.</summary>
    /// <exception cref="DraftException">Unknown draft, or no longer pending.</exception>
    /// <exception cref="InvalidFaqEntryException">A field breaks a rule.</exception>
    public async Task<EntryDraft> UpdateDraftAsync(string draftId, DraftChanges changes, string? note, string editor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentException.ThrowIfNullOrWhiteSpace(editor);
        return await WriteAsync((connection, transaction) =>
        {
            var draft = PendingDraft(connection, transaction, draftId);
            var (proposed, problems) = (changes with { EntryId = draft.BaseEntryId is null ? changes.EntryId ?? draft.Proposed.Id : null })
                .ApplyTo(draft.BaseEntryId is null ? draft.Proposed with { Id = changes.EntryId ?? draft.Proposed.Id } : draft.Proposed);
            ThrowIfInvalid(problems, draft.BaseEntryId ?? proposed.Id);
            connection.Execute($"""
                UPDATE drafts SET proposed_json = {Sql.Json("@json")}, department = @department, note = COALESCE(@note, note),
                                  updated_by = @editor, updated_at = {Sql.Time("@at")}
                WHERE number = @number;
                """, new
            {
                json = FaqJson.Serialize(proposed), department = proposed.Department, note, editor,
                at = EntryRow.FormatTime(Now()), number = DraftRules.NumberOf(draftId),
            }, transaction);
            return ReadDraft(connection, transaction, draftId)!;
        }, cancellationToken);
    }

    /// <summary>The draft with this id, or null.</summary>
    public async Task<EntryDraft?> GetDraftAsync(string draftId, CancellationToken cancellationToken = default)
    {
        if (DraftRules.NumberOf(draftId) is null) return null;
        await using var connection = await OpenAsync(cancellationToken);
        return ReadDraft(connection, null, draftId);
    }

    /// <summary>Drafts with <paramref name="status"/> (all when null), of one import batch when given, newest first.</summary>
    public async Task<IReadOnlyList<EntryDraft>> ListDraftsAsync(DraftStatus? status = null, string? batchId = null, int max = 500,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DraftRow>(new CommandDefinition($"""
            SELECT {Sql.DraftColumns} FROM drafts
            WHERE (@status IS NULL OR status = @status) AND (@batchId IS NULL OR batch_id = @batchId)
            ORDER BY number DESC LIMIT @max;
            """, new { status = status is { } s ? DraftNames.Of(s) : null, batchId, max = Math.Clamp(max, 1, 10_000) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDraft())];
    }

    /// <summary>
    /// Publishes a pending, complete draft: the proposed entry becomes the entry's next version (status published, or
    /// retired when the draft retires it), the history records the proposer, the reviewer and the note, and the bank
    /// revision moves. Refused when the entry changed since the draft was made.
    /// </summary>
    /// <exception cref="DraftException">Unknown, not pending, incomplete, stale, or the new id is taken.</exception>
    public async Task<(EntryDraft Draft, FaqEntry Entry)> PublishDraftAsync(string draftId, string reviewer,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        return await WriteAsync((connection, transaction) =>
        {
            var draft = PendingDraft(connection, transaction, draftId);
            if (!draft.IsComplete)
                throw new DraftException(DraftError.Conflict, $"草稿尚不完整，请先补全：{string.Join("、", draft.MissingFields)}。");
            FaqEntry? stored;
            var proposed = draft.Proposed;
            if (draft.BaseEntryId is { } baseId)
            {
                stored = ReadEntry(connection, transaction, baseId)
                    ?? throw new DraftException(DraftError.NotFound, $"草稿所依据的条目“{baseId}”不存在。");
                if (stored.Version != draft.BaseVersion)
                    throw new DraftException(DraftError.Conflict,
                        $"条目“{baseId}”在草稿创建后已被修改（草稿基于第 {draft.BaseVersion} 版，当前为第 {stored.Version} 版），请基于最新版本重新编辑。");
            }
            else
            {
                if (proposed.Id.Length == 0) proposed = proposed with { Id = NewEntryId(connection, transaction, draft) };
                stored = ReadEntry(connection, transaction, proposed.Id);
                if (stored is not null)
                    throw new DraftException(DraftError.Conflict, $"条目编号“{proposed.Id}”已被使用，请修改草稿中的编号。");
            }

            var entry = CheckAll([proposed])[0];
            var saved = Stamp(entry, stored);
            var note = $"草稿 {draft.Id}（{DraftNames.Of(draft.Origin)}）" + (string.IsNullOrWhiteSpace(draft.Note) ? "" : "：" + draft.Note);
            using (var writer = NewWriter(connection, transaction))
            {
                writer.Save(saved, KindOf(saved, stored), draft.CreatedBy, note, reviewer);
                writer.Flush();
            }
            BumpRevision(connection, transaction);
            connection.Execute($"""
                UPDATE drafts SET status = 'published', reviewed_by = @reviewer, reviewed_at = {Sql.Time("@at")}, published_version = @version,
                                  proposed_json = {Sql.Json("@json")}
                WHERE number = @number;
                """, new
            {
                reviewer, at = EntryRow.FormatTime(saved.UpdatedAt!.Value), version = saved.Version,
                json = FaqJson.Serialize(saved), number = DraftRules.NumberOf(draftId),
            }, transaction);
            return (ReadDraft(connection, transaction, draftId)!, saved);
        }, cancellationToken);
    }

    /// <summary>Rejects a pending draft with a reason; the bank is unchanged.</summary>
    /// <exception cref="DraftException">Unknown, or not pending.</exception>
    public async Task<EntryDraft> RejectDraftAsync(string draftId, string reviewer, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return await WriteAsync((connection, transaction) =>
        {
            PendingDraft(connection, transaction, draftId);
            connection.Execute($"""
                UPDATE drafts SET status = 'rejected', reviewed_by = @reviewer, reviewed_at = {Sql.Time("@at")}, reject_reason = @reason
                WHERE number = @number;
                """, new { reviewer, at = EntryRow.FormatTime(Now()), reason = reason.Trim(), number = DraftRules.NumberOf(draftId) },
                transaction);
            return ReadDraft(connection, transaction, draftId)!;
        }, cancellationToken);
    }

    private EntryDraft InsertDraft(DbConnection connection, DbTransaction transaction, string? baseEntryId, DraftChanges changes,
        DraftOrigin origin, string? note, string author, string? batchId)
    {
        FaqEntry? baseEntry = null;
        if (baseEntryId is not null)
            baseEntry = ReadEntry(connection, transaction, baseEntryId)
                ?? throw new DraftException(DraftError.NotFound, $"没有编号为“{baseEntryId}”的问答条目。");
        var (proposed, problems) = changes.ApplyTo(baseEntry);
        if (baseEntry is null && proposed.Id.Length > 0 && ReadEntry(connection, transaction, proposed.Id) is not null)
            problems = [.. problems, (FaqFields.Id, $"条目编号“{proposed.Id}”已存在：修改已有条目请填写 baseEntryId")];
        if (!DraftRules.MayBeIncomplete(origin))
            problems = [.. problems, .. DraftRules.Missing(proposed).Select(f => (f == "答案" ? FaqFields.Answer : FaqFields.Question, $"{f}不能为空"))];
        ThrowIfInvalid(problems, baseEntryId ?? (proposed.Id.Length > 0 ? proposed.Id : null));

        var at = EntryRow.FormatTime(Now());
        var number = connection.ExecuteScalar<long>($"""
            INSERT INTO drafts (base_entry_id, base_version, proposed_json, department, origin, note, status, batch_id,
                                created_by, created_at, updated_by, updated_at)
            VALUES (@baseEntryId, @baseVersion, {Sql.Json("@json")}, @department, @origin, @note, 'pending', @batchId, @author, {Sql.Time("@at")}, @author, {Sql.Time("@at")})
            RETURNING number;
            """, new
        {
            baseEntryId, baseVersion = baseEntry?.Version, json = FaqJson.Serialize(proposed), department = proposed.Department,
            origin = DraftNames.Of(origin), note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), batchId, author, at,
        }, transaction);
        return ReadDraft(connection, transaction, DraftRules.IdPrefix + number.ToString(CultureInfo.InvariantCulture))!;
    }

    private static void ThrowIfInvalid(IReadOnlyList<(string Field, string Message)> problems, string? id)
    {
        if (problems.Count > 0) throw new InvalidFaqEntryException([.. problems.Select(p => new ImportError(0, id, p.Field, p.Message))]);
    }

    private EntryDraft PendingDraft(DbConnection connection, DbTransaction transaction, string draftId)
    {
        var draft = ReadDraft(connection, transaction, draftId) ?? throw new DraftException(DraftError.NotFound, $"没有编号为“{draftId}”的草稿。");
        return draft.Status == DraftStatus.Pending ? draft
            : throw new DraftException(DraftError.Conflict, $"草稿“{draftId}”已{(draft.Status == DraftStatus.Published ? "发布" : "驳回")}，不能再修改或审核。");
    }

    private EntryDraft? ReadDraft(DbConnection connection, DbTransaction? transaction, string draftId) =>
        DraftRules.NumberOf(draftId) is not { } number ? null
            : connection.QuerySingleOrDefault<DraftRow>($"SELECT {Sql.DraftColumns} FROM drafts WHERE number = @number;", new { number }, transaction)?.ToDraft();

    private FaqEntry? ReadEntry(DbConnection connection, DbTransaction transaction, string id) =>
        connection.QuerySingleOrDefault<EntryRow>($"SELECT {Sql.EntryColumns} FROM entries WHERE id = @id;", new { id }, transaction)?.ToEntry();

    // A new entry proposed without an id gets KB-<draft number>, or the next free KB-<n>-<k>.
    private string NewEntryId(DbConnection connection, DbTransaction transaction, EntryDraft draft)
    {
        var id = "KB-" + draft.Id[DraftRules.IdPrefix.Length..];
        for (var k = 2; ReadEntry(connection, transaction, id) is not null; k++) id = $"KB-{draft.Id[DraftRules.IdPrefix.Length..]}-{k}";
        return id;
    }

    private static DraftChanges ChangesOf(FaqEntry entry) => new()
    {
        EntryId = entry.Id, Question = entry.Question, SimilarQuestions = entry.SimilarQuestions, Answer = entry.Answer,
        Category = entry.Category ?? "", Department = entry.Department ?? "", Region = entry.Region ?? "", Tags = entry.Tags,
        Source = entry.Source ?? "", Basis = entry.Basis ?? "", ValidFrom = EntryRow.FormatDate(entry.ValidFrom) ?? "",
        ValidTo = EntryRow.FormatDate(entry.ValidTo) ?? "", Status = entry.Status == FaqStatus.Retired ? "retired" : "published",
    };
}
