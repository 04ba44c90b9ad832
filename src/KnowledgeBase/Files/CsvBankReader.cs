using CsvHelper;

namespace GovAssistant.KnowledgeBase;

/// <summary>Reads a CSV bank file (RFC 4180, comma separated, UTF-8 with or without a byte order mark).</summary>
internal static class CsvBankReader
{
    public static void Read(byte[] content, List<(int Line, FaqEntry Entry)> entries, List<ImportError> errors, ImportBudget budget)
    {
        var malformed = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            // Fixed, not detected: list cells hold '|', one of the separators the reader would otherwise guess.
            Separator = ',',
            OnMalformedRecord = record => malformed.Add(record.RecordNumber),
        };
        using var reader = CsvReader.Create(content, options);
        var headers = reader.Headers.ToArray();
        if (headers.Length == 0)
        {
            errors.Add(new ImportError(0, null, null, "文件为空：第一行应为列名"));
            return;
        }

        budget.Columns(headers.Length);
        var columns = TabularBankReader.MapHeader(headers, errors);
        if (columns is null) return;

        while (reader.Read())
        {
            budget.Row();
            // The header is row 1, so the n-th record is row n + 1, as a spreadsheet shows it.
            var row = (int)reader.RowNumber + 1;
            if (malformed.Contains(row))
            {
                errors.Add(new ImportError(row, null, null, "CSV 引号不配对：含逗号、引号或换行的内容须整体用英文双引号括起来，内部的双引号写成两个"));
                continue;
            }

            TabularBankReader.ReadRow(row, columns, i => i < reader.FieldCount ? reader.GetString(i) : null, entries, errors);
        }
    }
}
