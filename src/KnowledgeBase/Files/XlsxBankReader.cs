using MiniExcelLibs;

namespace GovAssistant.KnowledgeBase;

/// <summary>Reads the first worksheet of an XLSX bank file; row 1 holds the column names.</summary>
internal static class XlsxBankReader
{
    public static void Read(byte[] content, List<(int Line, FaqEntry Entry)> entries, List<ImportError> errors)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            rows = [.. MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            errors.Add(new ImportError(0, null, null, "无法读取 XLSX 文件：文件已损坏或不是 Excel 2007 及以上版本的 .xlsx 格式"));
            return;
        }

        if (rows.Count == 0)
        {
            errors.Add(new ImportError(0, null, null, "工作表为空：第一行应为列名"));
            return;
        }

        // Cells are keyed by column letter (A, B, …); the enumeration order is the column order.
        var letters = rows[0].Keys.ToList();
        var columns = TabularBankReader.MapHeader([.. letters.Select(l => rows[0][l]?.ToString())], errors);
        if (columns is null) return;

        for (var r = 1; r < rows.Count; r++)
        {
            var cells = rows[r];
            TabularBankReader.ReadRow(r + 1, columns, i => cells.TryGetValue(letters[i], out var v) ? v : null, entries, errors);
        }
    }
}
