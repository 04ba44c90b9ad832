namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Settings of the bank. The host binds them from the <c>KnowledgeBase</c> section, for example
/// <c>builder.Services.AddOptions&lt;KnowledgeBaseOptions&gt;().BindConfiguration(KnowledgeBaseOptions.SectionName)</c>:
/// <code>
/// "KnowledgeBase": {
///   "DatabasePath": "App_Data/govassistant.db",
///   "MaxImportFileBytes": 20971520, "MaxImportUncompressedBytes": 104857600,
///   "MaxImportRows": 50000, "MaxImportColumns": 100, "MaxImportErrors": 100
/// }
/// </code>
/// </summary>
public sealed class KnowledgeBaseOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "KnowledgeBase";

    /// <summary>The SQLite file; a relative path is resolved against the current directory. Its folder is created if missing.</summary>
    public string DatabasePath { get; set; } = "App_Data/govassistant.db";

    /// <summary>The largest bank file an import accepts, in bytes (20 MB by default): a guard against a wrong or hostile upload.</summary>
    public long MaxImportFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>An XLSX file unpacks to at most this many bytes (100 MB): a few hundred KB of zip can hold millions of rows.</summary>
    public long MaxImportUncompressedBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Data rows (JSON Lines: non-blank lines) one file may hold; reading stops at the first row over it.</summary>
    public int MaxImportRows { get; set; } = 50_000;

    /// <summary>Columns a CSV or XLSX header may have (the bank has 15 fields; editors' note columns are ignored).</summary>
    public int MaxImportColumns { get; set; } = 100;

    /// <summary>Errors listed in a report; the rest are only counted (<see cref="ImportReport.OmittedErrors"/>).</summary>
    public int MaxImportErrors { get; set; } = 100;
}
