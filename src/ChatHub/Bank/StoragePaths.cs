using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Bank;

/// <summary>Absolute locations of the service's files, resolved once against the content root.</summary>
/// <param name="DatabasePath">The SQLite file shared by the bank, conversations and accounts.</param>
/// <param name="DataFolder">The folder holding it (Data Protection keys live under <c>keys/</c> there).</param>
/// <param name="IndexPath">The Lucene index folder, or null when the index is kept in memory.</param>
public sealed record StoragePaths(string DatabasePath, string DataFolder, string? IndexPath)
{
    /// <summary>
    /// Resolves <c>KnowledgeBase:DatabasePath</c> (default <c>App_Data/govassistant.db</c>) and <c>QaEngine:IndexPath</c>
    /// against the content root.
    /// </summary>
    public static StoragePaths Resolve(IHostApplicationBuilder builder)
    {
        var root = builder.Environment.ContentRootPath;
        var configured = builder.Configuration[$"{KnowledgeBaseOptions.SectionName}:{nameof(KnowledgeBaseOptions.DatabasePath)}"]
            ?? new KnowledgeBaseOptions().DatabasePath;
        var database = Path.GetFullPath(Path.Combine(root, configured));
        var index = builder.Configuration.GetSection(QaEngineOptions.SectionName).Get<QaEngineOptions>()?.IndexPath;
        return new StoragePaths(database, Path.GetDirectoryName(database)!,
            string.IsNullOrWhiteSpace(index) ? null : Path.GetFullPath(Path.Combine(root, index)));
    }

    /// <summary>One line naming the files, printed by every verb so that an operator sees which service data it touches.</summary>
    public string Describe() => $"数据库：{DatabasePath}；索引：{IndexPath ?? "（内存）"}";
}
