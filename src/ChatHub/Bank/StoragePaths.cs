using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Bank;

/// <summary>Absolute locations of the service's files, resolved once against the content root.</summary>
/// <param name="DatabasePath">The SQLite file shared by the bank, conversations and accounts.</param>
/// <param name="DataFolder">The folder holding it (Data Protection keys live under <c>keys/</c> there).</param>
public sealed record StoragePaths(string DatabasePath, string DataFolder)
{
    /// <summary>Resolves <c>KnowledgeBase:DatabasePath</c> (default <c>App_Data/govassistant.db</c>) against the content root.</summary>
    public static StoragePaths Resolve(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{KnowledgeBaseOptions.SectionName}:{nameof(KnowledgeBaseOptions.DatabasePath)}"]
            ?? new KnowledgeBaseOptions().DatabasePath;
        var database = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured));
        return new StoragePaths(database, Path.GetDirectoryName(database)!);
    }
}
