namespace GovAssistant.ChatHub.Security;

/// <summary>
/// Where a page may send a staff member after signing in: a path on this site only. Browsers drop tabs and line
/// breaks from URLs and read <c>\</c> as <c>/</c>, so <c>/&lt;TAB&gt;/evil.example</c> and <c>/\evil.example</c> are
/// other hosts; anything but a plain local path falls back to the console.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>Where to go when the requested target is missing or not local.</summary>
    public const string Default = "/agent/";

    private static readonly Uri Probe = new("http://local.invalid/");

    /// <summary><paramref name="url"/> when it is a path on this site, otherwise <see cref="Default"/>.</summary>
    public static string Of(string? url) => IsLocal(url) ? url! : Default;

    /// <summary>Whether <paramref name="url"/> is a path on this site that no browser could read as another host.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and <= 2048 }
        && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c))
        && Uri.TryCreate(Probe, url, out var resolved)
        && resolved.Host == Probe.Host;
}
