namespace GovAssistant.KnowledgeBase;

/// <summary>
/// What reading a bank file produced: the entries that passed validation and every problem found.
/// A report with any error must not be imported: <see cref="Entries"/> then lacks the faulty rows.
/// </summary>
/// <param name="Entries">Entries read without error, in file order.</param>
/// <param name="Errors">Every problem found, in file order; reading does not stop at the first.</param>
public sealed record ImportReport(IReadOnlyList<FaqEntry> Entries, IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when the file had no error at all, so the whole of it may be imported.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// Errors found but left out of <see cref="Errors"/>, which keeps only the first
    /// <see cref="KnowledgeBaseOptions.MaxImportErrors"/> so that a broken file of many rows gives a short report.
    /// </summary>
    public int OmittedErrors { get; init; }

    /// <summary>Every error found: those listed and those left out.</summary>
    public int ErrorCount => Errors.Count + OmittedErrors;

    /// <summary>The file line of each of <see cref="Entries"/>, for errors found after reading (ids repeated across files).</summary>
    internal IReadOnlyList<int> EntryLines { get; init; } = [];
}

/// <summary>One problem in a bank file, worded in Chinese for the editor who has to fix it.</summary>
/// <param name="Line">
/// Where it is: the 1-based line of a JSON Lines file; for CSV and XLSX the row number with the header as row 1
/// (a CSV record whose answer spans several lines still counts as one row); 0 for a problem with the whole file.
/// </param>
/// <param name="Id">The entry's id, when the row had a readable one.</param>
/// <param name="Field">The camelCase field at fault, e.g. <c>question</c>; null for a problem with the whole row or file.</param>
/// <param name="Message">What is wrong and what is expected, in Simplified Chinese.</param>
/// <param name="File">The file name, set by <see cref="SeedBankLoader"/> when several files are read together.</param>
public sealed record ImportError(int Line, string? Id, string? Field, string Message, string? File = null)
{
    /// <summary>A one-line description, e.g. <c>hj.jsonl 第 3 行（HJ-001）question：问题不能为空</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"第 {Line} 行" : "文件";
        var file = File is null ? "" : File + " ";
        var id = Id is null ? "" : $"（{Id}）";
        var field = Field is null ? "" : " " + Field;
        return $"{file}{where}{id}{field}：{Message}";
    }
}
