using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Bank;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Cli;

/// <summary>
/// <c>import &lt;file&gt; [--by &lt;name&gt;]</c>: validates a JSON Lines, CSV or XLSX bank file (or a folder of
/// <c>.jsonl</c>) and turns it into one batch of drafts for review, as the web import does. <c>--publish --by
/// &lt;name&gt;</c> is the deliberate bulk publish: stored and live at once, audited under that name; with
/// <c>--replace</c> the file becomes the whole bank (entries it lacks are retired). Any error is reported with its line
/// number and nothing is stored.
/// </summary>
internal static class ImportCommand
{
    private const string Usage = "用法：import <文件.jsonl|.csv|.xlsx 或目录> [--by <操作人>]；直接发布：import <文件> --publish --by <操作人> [--replace]";

    public static async Task<int> RunAsync(CommandLine args, IServiceProvider services, TextWriter output)
    {
        var paths = services.GetRequiredService<StoragePaths>();
        output.WriteLine(paths.Describe());
        if (args.FirstPositional() is not { } typed)
        {
            output.WriteLine(Usage);
            return 2;
        }
        var publish = args.Flag("publish");
        var replace = args.Flag("replace");
        var by = args.Option("by")?.Trim();
        if (by is { Length: 0 or > 64 })
        {
            output.WriteLine("--by 应为操作人姓名（1–64 个字）。");
            return 2;
        }
        if (publish && by is null)
        {
            output.WriteLine("使用 --publish 直接发布时，必须用 --by <操作人> 注明操作人姓名（最多 64 个字），以便记入审计日志。");
            return 2;
        }
        if (replace && !publish)
        {
            output.WriteLine("--replace 会停用文件中没有的条目，只能与 --publish --by <操作人> 一起使用；不加 --publish 时导入为待审核草稿。");
            return 2;
        }

        // The path is the caller's, relative to the current directory.
        var path = Path.GetFullPath(typed);
        output.WriteLine($"文件：{path}");
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            output.WriteLine($"文件不存在：{path}");
            return 1;
        }
        var report = Directory.Exists(path) ? SeedBankLoader.Load(path) : new BankImporter().ReadFile(path);
        if (!report.IsValid)
        {
            output.WriteLine($"导入失败：发现 {report.ErrorCount} 处错误，未做任何修改。");
            foreach (var e in report.Errors) output.WriteLine("  " + e);
            if (report.OmittedErrors > 0) output.WriteLine($"  ……另有 {report.OmittedErrors} 处错误未列出");
            return 1;
        }

        var store = services.GetRequiredService<IBankStore>();
        var audit = services.GetRequiredService<AuditLog>();
        var name = Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar));
        if (publish)
        {
            var result = await store.ImportAsync(report, replace, by!);
            await store.PublishAsync();
            await audit.RecordAsync(by!, "bank.import.publish", name,
                $"via=cli; file={path}; entries={report.Entries.Count}; created={result.Created}; updated={result.Updated}; " +
                $"retired={result.Retired}; unchanged={result.Unchanged}; replace={replace.ToString().ToLowerInvariant()}; revision={result.Revision}");
            output.WriteLine($"导入完成：新增 {result.Created}，更新 {result.Updated}，停用 {result.Retired}，未变 {result.Unchanged}；版本 {result.Revision}。已直接发布（操作人 {by}，已记入审计日志）。");
            return 0;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var batch = $"B{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var author = by ?? "cli";
        try
        {
            var drafts = await store.CreateImportDraftsAsync(report.Entries, author, batch, $"命令行导入 {name}");
            await audit.RecordAsync(author, "bank.import", batch, $"via=cli; file={path}; entries={report.Entries.Count}; drafts={drafts.Count}");
            output.WriteLine($"导入完成：生成草稿 {drafts.Count} 条，未变 {report.Entries.Count - drafts.Count} 条（批次 {batch}）。" +
                "草稿经所属部门审核人在 /admin/drafts.html 审核发布后生效。");
            return 0;
        }
        catch (InvalidFaqEntryException e)
        {
            output.WriteLine($"导入失败：发现 {e.Errors.Count} 处错误，未做任何修改。");
            foreach (var error in e.Errors) output.WriteLine("  " + error);
            return 1;
        }
    }
}
