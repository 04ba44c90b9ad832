using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Cli;

/// <summary>
/// <c>import &lt;file&gt; [--replace]</c>: validates a JSON Lines, CSV or XLSX bank file and stores it in the
/// database in one transaction. Any error is reported with its line number and nothing is stored; with
/// <c>--replace</c> the file becomes the whole bank (entries it lacks are retired).
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(CommandLine args, FaqStore store, TextWriter output)
    {
        if (args.FirstPositional() is not { } path)
        {
            output.WriteLine("用法：import <文件.jsonl|.csv|.xlsx> [--replace]");
            return 2;
        }
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
        var result = await store.ImportAsync(report, args.Flag("replace"), $"cli:{Path.GetFileName(path)}");
        await store.PublishAsync();
        output.WriteLine($"导入完成：新增 {result.Created}，更新 {result.Updated}，停用 {result.Retired}，未变 {result.Unchanged}；版本 {result.Revision}。");
        return 0;
    }
}
