using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.ChatHub.Storage;

/// <summary>
/// Where the service keeps its data. Configuration:
/// <code>
/// "Storage": { "Provider": "sqlite" },                        // or "postgres"
/// "ConnectionStrings": { "Postgres": "Host=…;Username=…" }    // from the environment: ConnectionStrings__Postgres
/// </code>
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (default: one file beside the service) or <c>postgres</c> (shared by several nodes).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Checks the SQLite file's integrity at start-up (quick_check).</summary>
    public bool IntegrityCheckAtStart { get; set; } = true;
}
