using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace GovAssistant.ChatHub.Pages;

/// <summary>How wwwroot is cached by browsers (section <c>StaticFiles</c>).</summary>
public sealed class StaticPagesOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "StaticFiles";

    /// <summary>
    /// How long a browser may reuse a script, style sheet or library without asking again. The names carry no version,
    /// so this stays short: a deployment reaches everyone within it. Pages (HTML) are always revalidated.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The pages in wwwroot (visitor page, widget.js, console, admin), compressed and cacheable: about 160 KB of scripts
/// reach a phone as ~50 KB, and a repeat visit sends <c>If-None-Match</c> (the static file middleware's ETag) and gets 304.
/// </summary>
internal static class StaticPages
{
    // Text the pages are made of. JSON and event streams are left alone: API answers are small and may carry tokens,
    // and compressing secrets next to attacker-chosen text is what BREACH exploits.
    private static readonly string[] CompressedTypes =
        ["text/html", "text/css", "text/javascript", "application/javascript", "text/plain", "image/svg+xml", "text/markdown"];

    public static IHostApplicationBuilder AddStaticPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaticPagesOptions>().BindConfiguration(StaticPagesOptions.SectionName)
            .Validate(o => o.MaxAge >= TimeSpan.Zero, "StaticFiles:MaxAge 不能为负").ValidateOnStart();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = CompressedTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        return builder;
    }

    /// <summary>Compression, then <c>/</c> → <c>index.html</c>, then the files with their cache headers.</summary>
    public static WebApplication UseStaticPages(this WebApplication app)
    {
        var maxAge = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StaticPagesOptions>>().Value.MaxAge;
        // Only what the pages load: hubs, Direct Line streams and APIs keep their responses as they are.
        app.UseWhen(c => !IsLive(c.Request.Path), branch => branch.UseResponseCompression());
        app.UseDefaultFiles();
        app.UseStaticFiles(new Microsoft.AspNetCore.Builder.StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var html = context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
                context.Context.Response.Headers[HeaderNames.CacheControl] = html || maxAge == TimeSpan.Zero
                    ? "no-cache"
                    : $"public, max-age={(int)maxAge.TotalSeconds}";
            },
        });
        return app;
    }

    private static bool IsLive(PathString path) =>
        path.StartsWithSegments("/hubs") || path.StartsWithSegments("/api") || path.StartsWithSegments("/v3") || path.StartsWithSegments("/wechat");
}
