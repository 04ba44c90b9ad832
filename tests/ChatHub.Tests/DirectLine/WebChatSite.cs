using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace GovAssistant.ChatHub.Tests.DirectLine;

/// <summary>
/// A government site on its own loopback origin, serving the test page and Microsoft's Web Chat bundle (copied from
/// node_modules beside the test assembly). Web Chat then calls GovAssistant cross-origin, as it does on a real site,
/// so CORS is exercised too.
/// </summary>
public sealed class WebChatSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebChatSite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "webchat");

    public Uri Address { get; }

    public static async Task<WebChatSite> StartAsync()
    {
        if (!File.Exists(Path.Combine(Folder, "webchat.js")))
            throw new InvalidOperationException($"缺少 {Folder}/webchat.js：构建测试项目时应由 npm ci 安装 botframework-webchat。");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Folder });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder) });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new WebChatSite(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
