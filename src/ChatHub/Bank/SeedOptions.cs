namespace GovAssistant.ChatHub.Bank;

/// <summary>
/// Where the seed bank is read from on first start, bound from the <c>Seed</c> section:
/// <code>"Seed": { "Path": "seed", "LoadWhenEmpty": true }</code>
/// A relative path is resolved against the application folder, where the build copies <c>data/faq/bank</c>.
/// </summary>
public sealed class SeedOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Seed";

    /// <summary>Folder of <c>*.jsonl</c> seed files.</summary>
    public string Path { get; set; } = "seed";

    /// <summary>Load the seed bank when the database holds no entry yet.</summary>
    public bool LoadWhenEmpty { get; set; } = true;

    /// <summary>The seed folder as an absolute path.</summary>
    public string ResolvedPath => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
