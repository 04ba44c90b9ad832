using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Writes entries as a bank file in any of the formats <see cref="BankImporter"/> reads, so that an export
/// read back gives equal entries.
/// </summary>
public static class BankExporter
{
    /// <summary>Writes <paramref name="entries"/> to <paramref name="destination"/>, which is left open.</summary>
    public static void Write(IEnumerable<FaqEntry> entries, Stream destination, BankFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(destination);
        switch (format)
        {
            case BankFileFormat.JsonLines: WriteJsonLines(entries, destination); break;
            case BankFileFormat.Csv: WriteCsv(entries, destination); break;
            case BankFileFormat.Xlsx: WriteXlsx(entries, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>Writes the entries to a file, its format taken from the extension of <paramref name="path"/>.</summary>
    public static void WriteFile(IEnumerable<FaqEntry> entries, string path)
    {
        var format = BankFileFormats.FromFileName(path)
            ?? throw new ArgumentException($"不支持的文件类型“{Path.GetExtension(path)}”：请使用 .jsonl、.csv 或 .xlsx", nameof(path));
        using var stream = File.Create(path);
        Write(entries, stream, format);
    }

    private static void WriteJsonLines(IEnumerable<FaqEntry> entries, Stream destination)
    {
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var entry in entries)
            writer.WriteLine(FaqJson.Serialize(entry));
    }

    private static void WriteCsv(IEnumerable<FaqEntry> entries, Stream destination)
    {
        // A byte order mark so that Excel opens the file as UTF-8 rather than the system code page.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true };
        using var writer = CsvWriter.Create(destination, options, leaveOpen: true);
        writer.WriteHeader([.. FaqFields.All]);
        foreach (var entry in entries)
        {
            foreach (var value in Cells(entry))
                writer.WriteField(value);
            writer.EndRecord();
        }
    }

    private static void WriteXlsx(IEnumerable<FaqEntry> entries, Stream destination)
    {
        var rows = entries.Select(entry =>
        {
            var row = new Dictionary<string, object?>();
            var cells = Cells(entry);
            for (var i = 0; i < FaqFields.All.Count; i++)
                row[FaqFields.All[i]] = cells[i];
            return row;
        }).ToList();
        if (rows.Count == 0)
            rows.Add(FaqFields.All.ToDictionary(f => f, _ => (object?)null)); // keeps the header of an empty bank

        MiniExcel.SaveAs(destination, rows, printHeader: true, sheetName: "问答库", excelType: ExcelType.XLSX);
    }

    /// <summary>An entry's cell values in <see cref="FaqFields.All"/> order, all text so no spreadsheet reinterprets them.</summary>
    private static string?[] Cells(FaqEntry e) =>
    [
        e.Id, e.Question, JoinList(e.SimilarQuestions), e.Answer, e.Category, e.Department, e.Region, JoinList(e.Tags),
        e.Source, e.Basis, e.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Status.ToString().ToLowerInvariant(),
        e.Version.ToString(CultureInfo.InvariantCulture), e.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture),
    ];

    // Safe to join: FaqEntryRules rejects list items that contain the separator.
    private static string JoinList(IReadOnlyList<string> items) => string.Join(FaqFields.ListSeparator, items);
}
