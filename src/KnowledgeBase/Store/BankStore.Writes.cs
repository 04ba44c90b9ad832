using Dapper;

namespace GovAssistant.KnowledgeBase;

public abstract partial class BankStore
{
    /// <summary>
    /// Saves one entry, creating it or changing it. The entry is tidied (<see cref="FaqEntryRules.Normalize"/>) and
    /// checked first; an entry identical to the stored one is left alone (no new version, same revision).
    /// </summary>
    /// <param name="entry">The entry; its <see cref="FaqEntry.Version"/> and <see cref="FaqEntry.UpdatedAt"/> are ignored.</param>
    /// <param name="changedBy">Who makes the change, recorded in the history.</param>
    /// <param name="cancellationToken">Cancels waiting for the write.</param>
    /// <returns>The entry as stored, with its version and time.</returns>
    /// <exception cref="InvalidFaqEntryException">The entry breaks a rule; nothing was saved.</exception>
    public async Task<FaqEntry> UpsertAsync(FaqEntry entry, string changedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        var checkedEntry = CheckAll([entry])[0];
        return await WriteAsync((connection, transaction) =>
        {
            var stored = connection.QuerySingleOrDefault<EntryRow>(
                $"SELECT {Sql.EntryColumns} FROM entries WHERE id = @id;", new { id = checkedEntry.Id }, transaction)?.ToEntry();
            if (stored is not null && stored.HasSameContentAs(checkedEntry)) return stored;

            using var writer = NewWriter(connection, transaction);
            var saved = Stamp(checkedEntry, stored);
            writer.Save(saved, KindOf(saved, stored), changedBy);
            writer.Flush();
            BumpRevision(connection, transaction);
            return saved;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves many entries in one transaction: all of them or, if anything fails, none. Each new or changed entry gets
    /// a new version and a history row; identical ones are left alone.
    /// </summary>
    /// <param name="entries">The entries, typically <see cref="ImportReport.Entries"/> of a valid report.</param>
    /// <param name="replace">
    /// True when the import is the whole bank: stored entries it does not contain are <b>retired</b> (status
    /// <see cref="FaqStatus.Retired"/>, new version, history kept) rather than deleted, so they stop being answered but
    /// can still be looked up and restored. An empty replacing import is refused, as it would retire the whole bank.
    /// False to add and update only.
    /// </param>
    /// <param name="changedBy">Who makes the change, e.g. <c>import:hj.jsonl by 张三</c>.</param>
    /// <param name="cancellationToken">Cancels waiting for the write.</param>
    /// <exception cref="InvalidFaqEntryException">An entry breaks a rule or an id repeats; nothing was saved.</exception>
    public async Task<ImportResult> ImportAsync(
        IEnumerable<FaqEntry> entries, bool replace, string changedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        var incoming = CheckAll([.. entries]);
        if (replace && incoming.Count == 0)
            throw new InvalidFaqEntryException([new ImportError(0, null, null,
                "整库替换的文件不含任何条目，这会下线全部问答；如确需下线，请逐条将状态改为 retired")]);
        return await WriteAsync((connection, transaction) =>
        {
            var stored = connection.Query<EntryRow>($"SELECT {Sql.EntryColumns} FROM entries;", transaction: transaction)
                .Select(r => r.ToEntry())
                .ToDictionary(e => e.Id, StringComparer.Ordinal);
            int created = 0, updated = 0, retired = 0, unchanged = 0;
            using var writer = NewWriter(connection, transaction);
            foreach (var entry in incoming)
            {
                var old = stored.GetValueOrDefault(entry.Id);
                stored.Remove(entry.Id);
                if (old is not null && old.HasSameContentAs(entry))
                {
                    unchanged++;
                    continue;
                }

                var saved = Stamp(entry, old);
                writer.Save(saved, KindOf(saved, old), changedBy);
                if (old is null) created++; else updated++;
            }

            // What is left in `stored` was not in the import.
            if (replace)
            {
                foreach (var old in stored.Values.Where(e => e.Status != FaqStatus.Retired))
                {
                    writer.Save(Stamp(old with { Status = FaqStatus.Retired }, old), ChangeKind.Retired, changedBy);
                    retired++;
                }
            }

            writer.Flush();
            var revision = created + updated + retired > 0
                ? BumpRevision(connection, transaction)
                : connection.ExecuteScalar<long>("SELECT revision FROM bank_state WHERE id = 1;", transaction: transaction);
            return new ImportResult(created, updated, retired, unchanged, revision);
        }, cancellationToken);
    }

    /// <summary>
    /// Saves the entries of a file that <see cref="BankImporter"/> read, as <see cref="ImportAsync(IEnumerable{FaqEntry}, bool, string, CancellationToken)"/> does;
    /// a report with any error saves nothing.
    /// </summary>
    /// <exception cref="InvalidFaqEntryException">The report has errors (they are passed on as is); nothing was saved.</exception>
    public Task<ImportResult> ImportAsync(ImportReport report, bool replace, string changedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.IsValid
            ? ImportAsync(report.Entries, replace, changedBy, cancellationToken)
            : Task.FromException<ImportResult>(new InvalidFaqEntryException(report.Errors));
    }

    /// <summary>Normalises and checks entries as a file import would; throws with every problem when any is found.</summary>
    private static List<FaqEntry> CheckAll(IReadOnlyList<FaqEntry> entries)
    {
        var result = new List<FaqEntry>(entries.Count);
        var errors = new List<ImportError>();
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(entries[i], nameof(entries));
            var entry = FaqEntryRules.Normalize(entries[i]);
            var position = i + 1;
            var id = entry.Id.Length > 0 ? entry.Id : null;
            var problems = FaqEntryRules.Validate(entry).Select(p => new ImportError(position, id, p.Field, p.Message)).ToList();
            if (id is not null && !firstAt.TryAdd(id, position))
                problems.Add(new ImportError(position, id, FaqFields.Id, $"id“{id}”重复：第 {firstAt[id]} 条已使用"));
            errors.AddRange(problems);
            result.Add(entry);
        }

        return errors.Count == 0 ? result : throw new InvalidFaqEntryException(errors);
    }

    /// <summary>The entry as it will be saved: the version after the stored one (1 when new), stamped with now.</summary>
    private FaqEntry Stamp(FaqEntry entry, FaqEntry? stored) =>
        entry with { Version = (stored?.Version ?? 0) + 1, UpdatedAt = Now() };

    private static ChangeKind KindOf(FaqEntry saved, FaqEntry? stored) => stored switch
    {
        null => ChangeKind.Created,
        { Status: not FaqStatus.Retired } when saved.Status == FaqStatus.Retired => ChangeKind.Retired,
        _ => ChangeKind.Updated,
    };
}
