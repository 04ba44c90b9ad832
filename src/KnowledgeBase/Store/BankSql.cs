using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The few places where the bank's SQL differs between SQLite and PostgreSQL. SQLite keeps times as ISO text,
/// dates as <c>yyyy-MM-dd</c> text and lists as JSON text; PostgreSQL keeps <c>timestamptz</c>, <c>date</c> and
/// <c>jsonb</c>. Parameters stay the same text on both (cast on the way in), and columns are read back as the same
/// text (formatted on the way out), so one set of statements and row classes serves both.
/// </summary>
internal sealed class BankSql
{
    public static readonly BankSql Sqlite = new(StorageProvider.Sqlite);
    public static readonly BankSql Postgres = new(StorageProvider.Postgres);

    private readonly bool _pg;

    private BankSql(StorageProvider provider)
    {
        _pg = provider == StorageProvider.Postgres;
        EntryColumns = EntryRow.ColumnsFor(this);
        DraftColumns = DraftRow.ColumnsFor(this);
    }

    /// <summary>The select list that fills an <see cref="EntryRow"/>.</summary>
    public string EntryColumns { get; }

    /// <summary>The select list that fills a <see cref="DraftRow"/>.</summary>
    public string DraftColumns { get; }

    /// <summary>The LIMIT value meaning "no limit": SQLite's -1, PostgreSQL's NULL.</summary>
    public long? NoLimit => _pg ? null : -1;

    /// <summary>A time parameter (ISO text from <see cref="EntryRow.FormatTime"/>) as the column type.</summary>
    public string Time(string parameter) => _pg ? $"CAST({parameter} AS timestamptz)" : parameter;

    /// <summary>A date parameter (<c>yyyy-MM-dd</c>) as the column type.</summary>
    public string Date(string parameter) => _pg ? $"CAST({parameter} AS date)" : parameter;

    /// <summary>A JSON text parameter as the column type.</summary>
    public string Json(string parameter) => _pg ? $"CAST({parameter} AS jsonb)" : parameter;

    /// <summary>A time column read as round-trip ISO text in UTC.</summary>
    public string TimeColumn(string column) =>
        _pg ? $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')" : column;

    /// <summary>A date column read as <c>yyyy-MM-dd</c>.</summary>
    public string DateColumn(string column) => _pg ? $"to_char({column}, 'YYYY-MM-DD')" : column;

    /// <summary>A JSON column read as text.</summary>
    public string JsonColumn(string column) => _pg ? $"{column}::text" : column;

    /// <summary>True when <paramref name="column"/> (text, or JSON read as text) contains the text parameter.</summary>
    public string Contains(string column, string parameter) =>
        _pg ? $"strpos({JsonColumnIfList(column)}, {parameter}) > 0" : $"instr({column}, {parameter}) > 0";

    private string JsonColumnIfList(string column) => column is "similar_questions" or "tags" ? JsonColumn(column) : column;
}
