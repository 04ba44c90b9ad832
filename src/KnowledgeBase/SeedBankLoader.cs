namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Reads the seed bank kept in the repository (<c>data/faq/bank/*.jsonl</c>) as one report,
/// so that a start-up or CI check sees every problem in every file at once.
/// </summary>
public static class SeedBankLoader
{
    /// <summary>
    /// Reads every <c>*.jsonl</c> file directly under <paramref name="folder"/>, in ordinal file-name order.
    /// Errors carry the file name in <see cref="ImportError.File"/>; an id used in two files is an error on the later one.
    /// </summary>
    /// <param name="folder">The folder to read; a missing folder is a file-level error, an empty one gives an empty valid report.</param>
    /// <param name="importer">The importer to read with (for its size limit); a default one when null.</param>
    public static ImportReport Load(string folder, BankImporter? importer = null)
    {
        if (!Directory.Exists(folder))
            return new ImportReport([], [new ImportError(0, null, null, $"问答库目录不存在：{folder}")]);

        importer ??= new BankImporter();
        var entries = new List<FaqEntry>();
        var errors = new List<ImportError>();
        var seenIn = new Dictionary<string, string>(StringComparer.Ordinal);
        var omitted = 0;
        var files = Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = Path.GetFileName(path);
            var report = importer.ReadFile(path);
            errors.AddRange(report.Errors.Select(e => e with { File = file }));
            omitted += report.OmittedErrors;
            for (var i = 0; i < report.Entries.Count; i++)
            {
                var entry = report.Entries[i];
                if (seenIn.TryAdd(entry.Id, file)) entries.Add(entry);
                else errors.Add(new ImportError(report.EntryLines[i], entry.Id, FaqFields.Id, $"id“{entry.Id}”重复：文件 {seenIn[entry.Id]} 中已使用", file));
            }
        }

        return BankImporter.Cap(new ImportReport(entries, errors) { OmittedErrors = omitted }, importer.Options.MaxImportErrors);
    }
}
