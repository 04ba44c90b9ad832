using Microsoft.Data.Sqlite;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Saves entry versions inside one SQLite transaction: the current row and its history row, with commands prepared once
/// and reused, so a 20,000-entry import costs one statement compile rather than 40,000.
/// </summary>
internal sealed class SqliteEntryWriter : IEntryWriter
{
    private static readonly string[] EntryParameters =
    [
        "$id", "$question", "$similar", "$answer", "$category", "$department", "$region", "$tags",
        "$source", "$basis", "$from", "$to", "$status", "$version", "$updated",
    ];

    private readonly SqliteCommand _save;
    private readonly SqliteCommand _history;

    public SqliteEntryWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _save = Prepare(connection, transaction, """
            INSERT INTO entries (id, question, similar_questions, answer, category, department, region, tags,
                                 source, basis, valid_from, valid_to, status, version, updated_at)
            VALUES ($id, $question, $similar, $answer, $category, $department, $region, $tags,
                    $source, $basis, $from, $to, $status, $version, $updated)
            ON CONFLICT (id) DO UPDATE SET
                question = excluded.question, similar_questions = excluded.similar_questions, answer = excluded.answer,
                category = excluded.category, department = excluded.department, region = excluded.region,
                tags = excluded.tags, source = excluded.source, basis = excluded.basis, valid_from = excluded.valid_from,
                valid_to = excluded.valid_to, status = excluded.status, version = excluded.version,
                updated_at = excluded.updated_at;
            """, EntryParameters);
        _history = Prepare(connection, transaction, """
            INSERT INTO entry_versions (entry_id, version, entry_json, changed_by, changed_at, change_kind, note, reviewed_by)
            VALUES ($id, $version, $json, $by, $at, $kind, $note, $reviewer);
            """, ["$id", "$version", "$json", "$by", "$at", "$kind", "$note", "$reviewer"]);
    }

    /// <summary>Makes <paramref name="entry"/> (already carrying its new version and time) current and records it in the history.</summary>
    public void Save(FaqEntry entry, ChangeKind kind, string changedBy, string? note = null, string? reviewedBy = null)
    {
        object?[] values =
        [
            entry.Id, entry.Question, EntryRow.FormatList(entry.SimilarQuestions), entry.Answer, entry.Category,
            entry.Department, entry.Region, EntryRow.FormatList(entry.Tags), entry.Source, entry.Basis,
            EntryRow.FormatDate(entry.ValidFrom), EntryRow.FormatDate(entry.ValidTo), EntryRow.FormatStatus(entry.Status),
            entry.Version, EntryRow.FormatTime(entry.UpdatedAt!.Value),
        ];
        Run(_save, values);
        Run(_history, [entry.Id, entry.Version, FaqJson.Serialize(entry), changedBy, EntryRow.FormatTime(entry.UpdatedAt!.Value), kind.ToString(), note, reviewedBy]);
    }

    /// <summary>Nothing to do: <see cref="Save"/> writes at once.</summary>
    public void Flush()
    {
    }

    public void Dispose()
    {
        _save.Dispose();
        _history.Dispose();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
