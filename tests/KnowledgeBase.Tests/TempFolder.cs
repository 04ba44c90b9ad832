using Microsoft.Data.Sqlite;

namespace GovAssistant.KnowledgeBase.Tests;

/// <summary>A fresh folder under the system temp directory, deleted (with any SQLite file in it) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("govassistant-kb-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A store on a new database file in a subfolder that does not exist yet (the store must create it).</summary>
    public FaqStore NewStore(TimeProvider? time = null) =>
        new(new KnowledgeBaseOptions { DatabasePath = File(System.IO.Path.Combine("App_Data", "bank.db")) }, time);

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the folder can go (Windows insists).
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* best effort: the temp directory is cleaned by the OS eventually */ }
    }
}
