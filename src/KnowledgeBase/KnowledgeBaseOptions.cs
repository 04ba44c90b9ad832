namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Settings of the bank. The host binds them from the <c>KnowledgeBase</c> section, for example
/// <c>builder.Services.AddOptions&lt;KnowledgeBaseOptions&gt;().BindConfiguration(KnowledgeBaseOptions.SectionName)</c>:
/// <code>
/// "KnowledgeBase": {
///   "DatabasePath": "App_Data/govassistant.db",
///   "MaxImportFileBytes": 20971520
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
}
