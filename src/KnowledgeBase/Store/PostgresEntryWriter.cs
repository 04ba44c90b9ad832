using Npgsql;
using NpgsqlTypes;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Saves entry versions inside one PostgreSQL transaction, a thousand at a time: each batch is two statements
/// over <c>unnest</c>ed arrays, so a 20,000-entry import costs 40 round trips rather than 40,000.
/// </summary>
internal sealed class PostgresEntryWriter(NpgsqlConnection connection, NpgsqlTransaction transaction) : IEntryWriter
{
    private const int BatchSize = 1000;

    private const string SaveSql = """
        INSERT INTO entries (id, question, similar_questions, answer, category, department, region, tags,
                             source, basis, valid_from, valid_to, status, version, updated_at)
        SELECT id, question, similar_questions::jsonb, answer, category, department, region, tags::jsonb,
               source, basis, valid_from::date, valid_to::date, status, version, updated_at::timestamptz
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                    $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::text[])
             AS t(id, question, similar_questions, answer, category, department, region, tags,
                  source, basis, valid_from, valid_to, status, version, updated_at)
        ON CONFLICT (id) DO UPDATE SET
            question = excluded.question, similar_questions = excluded.similar_questions, answer = excluded.answer,
            category = excluded.category, department = excluded.department, region = excluded.region,
            tags = excluded.tags, source = excluded.source, basis = excluded.basis, valid_from = excluded.valid_from,
            valid_to = excluded.valid_to, status = excluded.status, version = excluded.version,
            updated_at = excluded.updated_at;
        """;

    private const string HistorySql = """
        INSERT INTO entry_versions (entry_id, version, entry_json, changed_by, changed_at, change_kind, note, reviewed_by)
        SELECT entry_id, version, entry_json::jsonb, changed_by, changed_at::timestamptz, change_kind, note, reviewed_by
        FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
             AS t(entry_id, version, entry_json, changed_by, changed_at, change_kind, note, reviewed_by);
        """;

    private readonly List<(FaqEntry Entry, ChangeKind Kind, string By, string? Note, string? Reviewer)> _pending = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public void Save(FaqEntry entry, ChangeKind kind, string changedBy, string? note = null, string? reviewedBy = null)
    {
        // One statement may not upsert the same id twice: a repeat starts a new batch.
        if (_ids.Contains(entry.Id)) Flush();
        _ids.Add(entry.Id);
        _pending.Add((entry, kind, changedBy, note, reviewedBy));
        if (_pending.Count >= BatchSize) Flush();
    }

    public void Flush()
    {
        if (_pending.Count == 0) return;
        var entries = _pending.Select(p => p.Entry).ToList();
        var times = entries.Select(e => (string?)EntryRow.FormatTime(e.UpdatedAt!.Value)).ToArray();
        var versions = entries.Select(e => (long)e.Version).ToArray();
        Run(SaveSql,
            Texts(entries.Select(e => e.Id)), Texts(entries.Select(e => e.Question)), Texts(entries.Select(e => EntryRow.FormatList(e.SimilarQuestions))),
            Texts(entries.Select(e => e.Answer)), Texts(entries.Select(e => e.Category)), Texts(entries.Select(e => e.Department)),
            Texts(entries.Select(e => e.Region)), Texts(entries.Select(e => EntryRow.FormatList(e.Tags))), Texts(entries.Select(e => e.Source)),
            Texts(entries.Select(e => e.Basis)), Texts(entries.Select(e => EntryRow.FormatDate(e.ValidFrom))), Texts(entries.Select(e => EntryRow.FormatDate(e.ValidTo))),
            Texts(entries.Select(e => EntryRow.FormatStatus(e.Status))), Longs(versions), Texts(times));
        Run(HistorySql,
            Texts(entries.Select(e => e.Id)), Longs(versions), Texts(entries.Select(FaqJson.Serialize)), Texts(_pending.Select(p => p.By)),
            Texts(times), Texts(_pending.Select(p => p.Kind.ToString())), Texts(_pending.Select(p => p.Note)), Texts(_pending.Select(p => p.Reviewer)));
        _pending.Clear();
        _ids.Clear();
    }

    public void Dispose()
    {
        // Nothing held: the commands live only inside Flush.
    }

    private void Run(string sql, params NpgsqlParameter[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        command.ExecuteNonQuery();
    }

    private static NpgsqlParameter Texts(IEnumerable<string?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    private static NpgsqlParameter Longs(long[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = values };
}
