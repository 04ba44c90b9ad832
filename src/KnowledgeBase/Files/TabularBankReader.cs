namespace GovAssistant.KnowledgeBase;

/// <summary>
/// What CSV and XLSX reading share: headers name the columns (matched ignoring case and surrounding spaces,
/// unknown columns ignored), each later row is one entry, and rows with no value at all are skipped.
/// </summary>
internal static class TabularBankReader
{
    private static readonly string[] Required = [FaqFields.Id, FaqFields.Question, FaqFields.Answer];

    /// <summary>
    /// Maps column positions to field names; adds a row-1 error and returns null when a required column is missing.
    /// </summary>
    public static Dictionary<int, string>? MapHeader(IReadOnlyList<string?> headers, List<ImportError> errors)
    {
        var columns = new Dictionary<int, string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i]?.Trim();
            var field = FaqFields.All.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field is not null && !columns.ContainsValue(field)) columns[i] = field;
        }

        var missing = Required.Where(f => !columns.ContainsValue(f)).ToList();
        if (missing.Count == 0) return columns;
        errors.Add(new ImportError(1, null, null,
            $"表头缺少必需的列：{string.Join("、", missing)}。第一行应为列名，例如 {string.Join(",", FaqFields.All)}"));
        return null;
    }

    /// <summary>Parses one data row, unless all its cells are empty.</summary>
    public static void ReadRow(
        int row, Dictionary<int, string> columns, Func<int, object?> cell,
        List<(int Line, FaqEntry Entry)> entries, List<ImportError> errors)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (index, field) in columns)
            values[field] = cell(index);
        if (values.Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s))) return;

        if (EntryParser.Parse(row, values, errors) is { } entry)
            entries.Add((row, entry));
    }
}
