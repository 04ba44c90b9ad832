using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Storage;

/// <summary>
/// Readies the data folder, the SQLite file and the index folder before any store opens them: creates them private
/// (folders 0700, files 0600 on Unix — the database holds citizens' transcripts; SQLite gives its -wal and -shm files
/// the database's mode), checks that they can be written, and runs SQLite's <c>quick_check</c>. A problem becomes a
/// <see cref="DataFileException"/> naming the file and the cause in Chinese, instead of a stack trace later on.
/// </summary>
public static class DataFiles
{
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupAndOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Prepares <paramref name="databasePath"/> (and its folder) and the folders in <paramref name="privateFolders"/>.</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="privateFolders">Folders only this service reads (the index, the Data Protection keys).</param>
    /// <param name="checkIntegrity">Run <c>PRAGMA quick_check</c> on an existing database.</param>
    /// <param name="now">When the check ran, for <c>/healthz</c>.</param>
    /// <exception cref="DataFileException">A file or folder cannot be used, or the database is damaged.</exception>
    public static DatabaseHealth Prepare(string databasePath, IEnumerable<string> privateFolders, bool checkIntegrity, DateTimeOffset now)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        Guard(folder, "数据目录", () => CreatePrivateFolder(folder, tighten: false));
        Guard(folder, "数据目录", () => ProbeWritable(folder));
        foreach (var path in privateFolders)
            Guard(path, "数据目录", () => CreatePrivateFolder(path, tighten: true));

        Guard(databasePath, "数据库文件", () =>
        {
            if (!File.Exists(databasePath))
            {
                // Created empty with its final mode, so SQLite never writes the file (or its -wal/-shm) world-readable.
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) create.UnixCreateMode = PrivateFile;
                using var created = new FileStream(databasePath, create);
            }
            foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
                if (File.Exists(file)) Tighten(file);
            using var writable = new FileStream(databasePath, FileMode.Open, FileAccess.ReadWrite);
        });

        var integrity = checkIntegrity ? QuickCheck(databasePath) : "skipped";
        return new DatabaseHealth(databasePath, integrity, now);
    }

    private static string QuickCheck(string databasePath)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
            }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(10);";
            using var reader = command.ExecuteReader();
            var findings = new List<string>();
            while (reader.Read()) findings.Add(reader.GetString(0));
            if (findings is ["ok"]) return "ok";
            throw new DataFileException(
                $"数据库文件“{databasePath}”已损坏：完整性检查（quick_check）发现问题：{string.Join("；", findings.Take(3))}。" + Restore);
        }
        catch (SqliteException e)
        {
            throw new DataFileException($"数据库文件“{databasePath}”无法使用：{SqliteCause(e)}。" + (e.SqliteErrorCode is 11 or 26 ? Restore : ""));
        }
    }

    private const string Restore = "请停止服务，用最近的备份替换该文件；没有备份时可用 sqlite3 的 .recover 命令导出仍可读的数据后重建。";

    private static string SqliteCause(SqliteException e) => e.SqliteErrorCode switch
    {
        26 => "它不是 SQLite 数据库（文件头已损坏，或被其他内容覆盖）",
        11 => "数据库已损坏",
        8 => "文件为只读，无法写入",
        14 => "无法打开文件（权限不足或路径不存在）",
        10 => "读写磁盘出错",
        13 => "磁盘空间已满",
        5 or 6 => "文件被另一个进程锁定",
        _ => $"SQLite 错误 {e.SqliteErrorCode}",
    };

    private static void Guard(string path, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException($"{what}“{path}”无法写入：{IoCause(e)}。请检查该路径的权限和磁盘，或用 KnowledgeBase:DatabasePath 指定可写的位置。");
        }
    }

    private static string IoCause(Exception e) => e switch
    {
        UnauthorizedAccessException => "没有写入权限（或目录被设为不可修改）",
        DirectoryNotFoundException => "上级目录不存在",
        IOException { HResult: 30 } => "所在文件系统是只读的",
        IOException { HResult: 28 } => "磁盘空间已满",
        IOException { HResult: 20 } => "路径中有一段是文件而不是目录",
        _ => "读写出错（" + e.Message + "）",
    };

    private static void CreatePrivateFolder(string path, bool tighten)
    {
        if (!Directory.Exists(path))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
            else Directory.CreateDirectory(path, PrivateFolder);
        }
        else if (tighten) Tighten(path);
    }

    // Removes the group and other bits of a file or folder the service owns alone.
    private static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) != 0) File.SetUnixFileMode(path, mode & ~GroupAndOthers);
    }

    private static void ProbeWritable(string folder)
    {
        var probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}");
        File.WriteAllBytes(probe, []);
        File.Delete(probe);
    }
}

/// <summary>A data file or folder the service cannot use; the message names it and the cause in Chinese.</summary>
public sealed class DataFileException(string message) : Exception(message);

/// <summary>The database's state as found at start-up, reported by <c>/healthz</c>.</summary>
/// <param name="Path">The SQLite file.</param>
/// <param name="Integrity"><c>ok</c>, or <c>skipped</c> when the check is switched off.</param>
/// <param name="CheckedAt">When the check ran.</param>
public sealed record DatabaseHealth(string Path, string Integrity, DateTimeOffset CheckedAt);
