namespace GovAssistant.ChatHub.Security;

/// <summary>
/// Browser-facing protections, section <c>Security</c>:
/// <code>"Security": { "AllowedOrigins": ["https://zwfw.example.gov.cn"], "WidgetFrameAncestors": ["https://www.example.gov.cn"], "HstsMaxAge": "365.00:00:00" }</code>
/// </summary>
public sealed class WebSecurityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Security";

    /// <summary>
    /// Origins (scheme://host[:port]) besides the service's own from which staff pages may call the staff APIs and the
    /// agent hub; empty means only the service's own origin (as the request reaches it, after forwarded headers).
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Sites whose pages may frame the visitor chat (widget.js); the service's own pages always may. Staff pages may never be framed.</summary>
    public string[] WidgetFrameAncestors { get; set; } = [];

    /// <summary>How long browsers keep to HTTPS after a response over HTTPS (Strict-Transport-Security).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}
