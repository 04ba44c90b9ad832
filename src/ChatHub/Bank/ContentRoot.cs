using System.Reflection;

namespace GovAssistant.ChatHub.Bank;

/// <summary>
/// The service's own folder, the content root that relative configured paths (database, index, appsettings) resolve
/// against, whatever folder a verb is run from: the project folder when a build is run from the source tree
/// (<c>dotnet run --project src/ChatHub</c>, or its <c>bin/…/GovAssistant.ChatHub.dll</c> from anywhere), else the
/// application folder (a published copy). Paths a user types (<c>eval --bank</c>, <c>import my.csv</c>) resolve against
/// the current directory instead: <c>dotnet run</c> starts the program in the caller's folder (RunWorkingDirectory).
/// </summary>
internal static class ContentRoot
{
    private const string ProjectDirectoryKey = "GovAssistant.ProjectDirectory";

    /// <summary>
    /// The content root to give the host, or null to leave it to an explicit <c>--contentRoot</c> / environment
    /// setting (the integration tests' factory sets one).
    /// </summary>
    public static string? For(IReadOnlyList<string> hostArguments)
    {
        if (hostArguments.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
            return null;
        var appFolder = Path.GetFullPath(AppContext.BaseDirectory);
        var project = typeof(ContentRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == ProjectDirectoryKey)?.Value;
        if (project is not null && Directory.Exists(project))
        {
            var root = Path.GetFullPath(project).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (appFolder.StartsWith(root, StringComparison.Ordinal)) return root.TrimEnd(Path.DirectorySeparatorChar);
        }
        return appFolder.TrimEnd(Path.DirectorySeparatorChar);
    }
}
