using GovAssistant.ChatHub.Bank;
using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Storage;

/// <summary>Runs <see cref="DataFiles.Prepare"/> while the host is composed, before any store can open the database.</summary>
internal static class DataFilesSetup
{
    /// <summary>
    /// Configuration: <c>"Storage": { "IntegrityCheckAtStart": true }</c>. Returns the Chinese reason the service cannot
    /// start (the caller prints it and exits), or null.
    /// </summary>
    public static string? PrepareDataFiles(this IHostApplicationBuilder builder)
    {
        var paths = StoragePaths.Resolve(builder);
        var indexPath = builder.Configuration[$"{QaEngineOptions.SectionName}:{nameof(QaEngineOptions.IndexPath)}"];
        var privateFolders = new List<string> { Path.Combine(paths.DataFolder, "keys") };
        if (!string.IsNullOrWhiteSpace(indexPath)) privateFolders.Add(Path.Combine(builder.Environment.ContentRootPath, indexPath));
        try
        {
            var health = DataFiles.Prepare(paths.DatabasePath, privateFolders,
                builder.Configuration.GetValue("Storage:IntegrityCheckAtStart", true), TimeProvider.System.GetUtcNow());
            builder.Services.AddSingleton(health);
            return null;
        }
        catch (DataFileException e)
        {
            return "无法启动：" + e.Message;
        }
    }
}
