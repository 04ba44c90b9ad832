using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp directory, deleted (with any SQLite file in it) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("govassistant-chathub-").FullName;

    /// <summary>The absolute path of <paramref name="name"/> inside the folder (not created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte order mark and returns the file's path.</summary>
    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        // Pooled connections keep the database file open; release them so the folder can go (Windows insists).
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* best effort: the OS cleans its temp directory eventually */ }
        catch (UnauthorizedAccessException) { }
    }
}
