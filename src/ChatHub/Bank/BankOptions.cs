namespace GovAssistant.ChatHub.Bank;

/// <summary>
/// How the host keeps the bank, bound from the <c>Bank</c> section:
/// <code>"Bank": { "SeedPath": "seed", "LoadSeedWhenEmpty": true, "RefreshInterval": "00:00:05" }</code>
/// A relative seed path is resolved against the application folder, where the build copies <c>data/faq/bank</c>.
/// </summary>
public sealed class BankOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bank";

    /// <summary>Folder of <c>*.jsonl</c> seed files.</summary>
    public string SeedPath { get; set; } = "seed";

    /// <summary>Load the seed bank when the database holds no entry yet.</summary>
    public bool LoadSeedWhenEmpty { get; set; } = true;

    /// <summary>How often the running service checks the store for a newer bank revision.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The seed folder as an absolute path.</summary>
    public string ResolvedSeedPath => Path.IsPathRooted(SeedPath) ? SeedPath : Path.Combine(AppContext.BaseDirectory, SeedPath);
}
