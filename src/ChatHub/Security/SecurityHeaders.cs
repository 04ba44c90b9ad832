using System.Globalization;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Security;

/// <summary>
/// Security headers on every response: a Content-Security-Policy that allows no inline script or style (every page
/// loads its scripts and styles from files), <c>nosniff</c>, a same-origin referrer, HSTS over HTTPS, and framing
/// refused except for the visitor chat, which the configured sites may embed (widget.js).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<WebSecurityOptions> options)
{
    private readonly string _widgetAncestors = string.Join(' ', ["'self'", .. options.Value.WidgetFrameAncestors]);
    private readonly string _hsts = "max-age=" + ((long)options.Value.HstsMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Whether <paramref name="path"/> is the visitor chat page, the only page another site may frame.</summary>
    public static bool IsWidgetPage(PathString path) => path == "/" || path.Equals("/index.html", StringComparison.OrdinalIgnoreCase);

    private void Apply(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        var widget = IsWidgetPage(request.Path);
        // 'self' covers same-origin WebSockets in current browsers; the explicit ws(s) origin is for older Safari.
        var host = request.Host.Value ?? "";
        var socket = host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '-' or '[' or ']')
            ? (request.IsHttps ? "wss://" : "ws://") + host : "";
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + $"connect-src 'self' {socket}; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + $"frame-ancestors {(widget ? _widgetAncestors : "'none'")}";
        if (!widget) headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        if (request.IsHttps) headers.StrictTransportSecurity = _hsts;
    }
}
