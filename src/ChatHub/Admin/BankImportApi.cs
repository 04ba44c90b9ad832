using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.KnowledgeBase;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GovAssistant.ChatHub.Admin;

/// <summary>
/// <c>POST /api/admin/bank/import</c> (multipart, field <c>file</c>: .jsonl, .csv or .xlsx): the file is read and
/// checked whole; with any error nothing is stored and the line-numbered report comes back (400); otherwise every
/// new or changed entry becomes a pending draft of one batch, for review like any other change.
/// </summary>
internal static class BankImportApi
{
    public static RouteGroupBuilder MapBankImport(this RouteGroupBuilder bank)
    {
        bank.MapPost("/import", ImportAsync).RequireAuthorization(AgentAuth.BankPolicy).DisableAntiforgery();
        return bank;
    }

    private const string Incomplete = "上传内容不完整或格式不正确，请重新选择文件上传。";

    private static async Task<IResult> ImportAsync(HttpContext http, IBankStore store, AuditLog audit, IOptions<BankAdminOptions> options,
        IOptions<KnowledgeBaseOptions> limits, TimeProvider time, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        var tooLarge = $"文件过大：上传上限为 {limit / 1024} KB，请拆分后分别导入。";
        if (http.Request.ContentLength > limit + 64 * 1024) return Problems.PayloadTooLarge(tooLarge);
        if (!http.Request.HasFormContentType) return Problems.UnsupportedMediaType("请以 multipart/form-data 上传文件（字段名 file）。");
        // Without a boundary the form reader throws the same exception as for a body over its limits: tell them apart here.
        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
            return Problems.BadRequest(Incomplete);
        IFormFile? file;
        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        }
        catch (InvalidDataException) { return Problems.PayloadTooLarge(tooLarge); }
        // A body cut short, or a multipart body that ends before its closing boundary (BadHttpRequestException is one).
        catch (IOException) { return Problems.BadRequest(Incomplete); }
        if (file is null || file.Length == 0) return Problems.BadRequest("请选择要导入的文件（.jsonl、.csv 或 .xlsx）。");
        if (file.Length > limit) return Problems.PayloadTooLarge(tooLarge);
        if (BankFileFormats.FromFileName(file.FileName) is not { } format)
            return Problems.BadRequest($"不支持的文件类型“{Path.GetExtension(file.FileName)}”：请使用 .jsonl、.csv 或 .xlsx。");

        ImportReport report;
        await using (var stream = file.OpenReadStream())
            report = new BankImporter(ImportLimits(limits.Value, limit)).Read(stream, format);
        var me = AgentAuth.ProfileOf(http.User);
        var name = Path.GetFileName(file.FileName);
        if (!report.IsValid)
        {
            await audit.RecordAsync(me.Id, "bank.import.rejected", name, $"errors={report.ErrorCount}", ct);
            return Report(name, report.Errors, report.ErrorCount);
        }

        var batch = $"B{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        try
        {
            var drafts = await store.CreateImportDraftsAsync(report.Entries, me.Id, batch, $"导入 {name}", ct);
            await audit.RecordAsync(me.Id, "bank.import", batch, $"file={name}; entries={report.Entries.Count}; drafts={drafts.Count}", ct);
            return Results.Created($"/api/admin/bank/drafts?batch={batch}", new
            {
                batchId = batch, file = name, entries = report.Entries.Count, drafts = drafts.Count,
                unchanged = report.Entries.Count - drafts.Count, draftIds = drafts.Select(d => d.Id),
            });
        }
        catch (InvalidFaqEntryException e) { return Report(name, [.. e.Errors.Take(limits.Value.MaxImportErrors)], e.Errors.Count); }
    }

    // The host's import limits (rows, columns, unpacked size, errors listed), with the upload limit as the file limit.
    private static KnowledgeBaseOptions ImportLimits(KnowledgeBaseOptions configured, long uploadLimit) => new()
    {
        MaxImportFileBytes = Math.Min(uploadLimit, configured.MaxImportFileBytes),
        MaxImportUncompressedBytes = configured.MaxImportUncompressedBytes,
        MaxImportRows = configured.MaxImportRows,
        MaxImportColumns = configured.MaxImportColumns,
        MaxImportErrors = configured.MaxImportErrors,
    };

    // At most MaxImportErrors are listed, so a broken file of many rows gives a short answer; "errorCount" tells the rest.
    private static IResult Report(string file, IReadOnlyList<ImportError> errors, int total) => Results.Problem(
        detail: total > errors.Count
            ? $"文件“{file}”有 {total} 处错误（下面列出前 {errors.Count} 处），未导入任何条目；请按行号修改后重新上传。"
            : $"文件“{file}”有 {total} 处错误，未导入任何条目；请按行号修改后重新上传。",
        statusCode: StatusCodes.Status400BadRequest, title: "导入文件有误",
        extensions: new Dictionary<string, object?>
        {
            ["errorCount"] = total,
            ["errors"] = errors.Select(e => new { e.Line, e.Id, e.Field, e.Message, text = e.ToString() }).ToList(),
        });
}
