using System.Globalization;
using System.Text.Unicode;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Reads bank files (JSON Lines, CSV, XLSX) into entries, checking every row and collecting every problem.
/// Reading never touches the store: pass <see cref="ImportReport.Entries"/> of a valid report to <see cref="IBankStore.ImportAsync(ImportReport, bool, string, CancellationToken)"/>.
/// </summary>
/// <param name="options">Supplies <see cref="KnowledgeBaseOptions.MaxImportFileBytes"/>; defaults when null.</param>
public sealed class BankImporter(KnowledgeBaseOptions? options = null)
{
    private readonly KnowledgeBaseOptions _options = options ?? new KnowledgeBaseOptions();

    /// <summary>The limits this importer reads with.</summary>
    internal KnowledgeBaseOptions Options => _options;

    /// <summary>Reads a bank file from <paramref name="content"/>, which is read to its end but not disposed.</summary>
    public ImportReport Read(Stream content, BankFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ReadBounded(content) is not { } bytes)
            return Failed($"文件过大：超过 {FormatSize(_options.MaxImportFileBytes)} 的上限，请拆分成多个文件后分别导入");

        if (format != BankFileFormat.Xlsx && !Utf8.IsValid(bytes))
            return Failed("文件不是 UTF-8 编码：在 Excel 中请“另存为”选择“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件");

        var entries = new List<(int Line, FaqEntry Entry)>();
        var errors = new List<ImportError>();
        var budget = new ImportBudget(_options, errors);
        try
        {
            switch (format)
            {
                case BankFileFormat.JsonLines: JsonLinesBankReader.Read(bytes, entries, errors, budget); break;
                case BankFileFormat.Csv: CsvBankReader.Read(bytes, entries, errors, budget); break;
                case BankFileFormat.Xlsx: XlsxBankReader.Read(bytes, entries, errors, budget, _options.MaxImportUncompressedBytes); break;
                default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
            }
        }
        catch (ImportRefusedException refused)
        {
            // Over a limit: the rows read so far say nothing useful; the one message says what to do.
            return Failed(refused.Message);
        }

        budget.Trim();
        return Cap(Finish(entries, errors), _options.MaxImportErrors, budget.OmittedErrors);
    }

    /// <summary>Keeps the first <paramref name="max"/> errors of <paramref name="report"/> (in line order) and counts the rest.</summary>
    internal static ImportReport Cap(ImportReport report, int max, int alreadyOmitted = 0)
    {
        max = Math.Max(1, max);
        var omitted = report.OmittedErrors + alreadyOmitted + Math.Max(0, report.Errors.Count - max);
        return omitted == report.OmittedErrors ? report
            : report with { Errors = report.Errors.Count > max ? [.. report.Errors.Take(max)] : report.Errors, OmittedErrors = omitted };
    }

    /// <summary>Reads the bank file at <paramref name="path"/>, its format taken from the extension.</summary>
    public ImportReport ReadFile(string path)
    {
        if (BankFileFormats.FromFileName(path) is not { } format)
            return Failed($"不支持的文件类型“{Path.GetExtension(path)}”：请使用 .jsonl、.csv 或 .xlsx");
        using var stream = File.OpenRead(path);
        return Read(stream, format);
    }

    /// <summary>
    /// Rejects ids used twice, keeping the first, and orders the errors by line so an editor can work down the file.
    /// </summary>
    internal static ImportReport Finish(List<(int Line, FaqEntry Entry)> entries, List<ImportError> errors)
    {
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<FaqEntry>(entries.Count);
        var lines = new List<int>(entries.Count);
        foreach (var (line, entry) in entries)
        {
            if (firstLine.TryAdd(entry.Id, line))
            {
                kept.Add(entry);
                lines.Add(line);
            }
            else errors.Add(new ImportError(line, entry.Id, FaqFields.Id, $"id“{entry.Id}”重复：第 {firstLine[entry.Id]} 行已使用"));
        }

        return new ImportReport(kept, [.. errors.OrderBy(e => e.Line)]) { EntryLines = lines };
    }

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private static ImportReport Failed(string message) => new([], [new ImportError(0, null, null, message)]);

    /// <summary>The whole content, or null when it is larger than the limit (reading stops just past it).</summary>
    private byte[]? ReadBounded(Stream content)
    {
        if (content.CanSeek && content.Length - content.Position > _options.MaxImportFileBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxImportFileBytes) return null;
        }

        return buffer.ToArray();
    }
}
