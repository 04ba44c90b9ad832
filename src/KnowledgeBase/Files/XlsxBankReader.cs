using MiniExcelLibs;

namespace GovAssistant.KnowledgeBase;

/// <summary>Reads the first worksheet of an XLSX bank file; row 1 holds the column names.</summary>
internal static class XlsxBankReader
{
    public static void Read(byte[] content, List<(int Line, FaqEntry Entry)> entries, List<ImportError> errors, ImportBudget budget,
        long maxUncompressedBytes)
    {
        try
        {
            XlsxInspection.Check(content, maxUncompressedBytes, budget.MaxRows);
            using var stream = new MemoryStream(content, writable: false);
            // Streamed row by row: the budget stops a sheet of millions of rows at the first row over the limit.
            var rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
            ReadRows(rows, entries, errors, budget);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            errors.Add(new ImportError(0, null, null, "无法读取 XLSX 文件：文件已损坏或不是 Excel 2007 及以上版本的 .xlsx 格式"));
        }
    }

    private static void ReadRows(IEnumerable<IDictionary<string, object?>> rows, List<(int Line, FaqEntry Entry)> entries,
        List<ImportError> errors, ImportBudget budget)
    {
        using var row = rows.GetEnumerator();
        if (!row.MoveNext())
        {
            errors.Add(new ImportError(0, null, null, "工作表为空：第一行应为列名"));
            return;
        }

        // Cells are keyed by column letter (A, B, …); the enumeration order is the column order. Every row has the
        // sheet's full width, so the header tells it.
        var header = row.Current;
        budget.Columns(header.Count);
        var letters = header.Keys.ToList();
        var columns = TabularBankReader.MapHeader([.. letters.Select(l => header[l]?.ToString())], errors);
        if (columns is null) return;

        for (var r = 2; row.MoveNext(); r++)
        {
            budget.Row();
            var cells = row.Current;
            TabularBankReader.ReadRow(r, columns, i => cells.TryGetValue(letters[i], out var v) ? v : null, entries, errors);
        }
    }
}
