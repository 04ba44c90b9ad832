namespace GovAssistant.ChatHub.Visitors;

/// <summary>
/// Visitor identities, bound from the <c>Visitors</c> section:
/// <code>"Visitors": { "IssuePermitsPerMinute": 30 }</code>
/// </summary>
public sealed class VisitorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Visitors";

    /// <summary>New visitor tokens one client address may obtain per minute (a brake on identity flooding).</summary>
    public int IssuePermitsPerMinute { get; set; } = 30;
}
