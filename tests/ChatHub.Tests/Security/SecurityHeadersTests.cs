using System.Net;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Security;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Tests.Security;

/// <summary>Headers that keep pages from being framed, sniffed or scripted inline, on the real host.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.Fixture fixture) : IClassFixture<SecurityHeadersTests.Fixture>
{
    private const string Site = "https://www.example.gov.cn";

    [Theory]
    [InlineData("/agent/")]
    [InlineData("/agent/login.html")]
    [InlineData("/admin/")]
    [InlineData("/admin/drafts.html")]
    [InlineData("/api/agents/me")]
    [InlineData("/healthz")]
    public async Task StaffPagesAndTheApiMayNotBeFramedByAnyone(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Contains("frame-ancestors 'none'", Csp(response));
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?embed=1")]
    [InlineData("/index.html")]
    public async Task TheVisitorChatMayBeFramedOnlyByItselfAndTheConfiguredSites(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Contains($"frame-ancestors 'self' {Site}", Csp(response));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/agent/")]
    [InlineData("/js/common.js")]
    [InlineData("/api/ask")]
    [InlineData("/no-such-page")]
    public async Task EveryResponseForbidsInlineScriptAndSniffingAndHidesTheServer(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        var csp = Csp(response);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));     // plain HTTP: HSTS would be ignored
    }

    [Fact]
    public async Task NoPageCarriesInlineScriptStyleOrEventHandlers()
    {
        var root = fixture.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var pages = Html(root, "").ToList();
        Assert.True(pages.Count >= 10, $"only {pages.Count} pages found");
        var inline = new Regex(@"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle\s*=|\son[a-z]+\s*=|javascript:", RegexOptions.IgnoreCase);

        foreach (var page in pages)
        {
            var html = await fixture.Http.GetStringAsync(page);
            Assert.False(inline.IsMatch(html), $"{page}: {inline.Match(html).Value}");
        }
    }

    [Fact]
    public async Task HstsIsSentOverHttps()
    {
        var context = new DefaultHttpContext();
        var response = new StartingResponse();
        context.Features.Set<IHttpResponseFeature>(response);
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("zwfw.example.gov.cn");
        context.Request.Path = "/agent/";
        var middleware = new SecurityHeaders(_ => Task.CompletedTask, Options.Create(new WebSecurityOptions()));

        await middleware.InvokeAsync(context);
        await response.StartAsync();

        Assert.Equal("max-age=31536000", context.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Contains("connect-src 'self' wss://zwfw.example.gov.cn;", context.Response.Headers.ContentSecurityPolicy.ToString());
    }

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    private static IEnumerable<string> Html(IFileProvider files, string folder)
    {
        foreach (var item in files.GetDirectoryContents(folder))
        {
            var path = folder + "/" + item.Name;
            if (item.IsDirectory)
            {
                foreach (var nested in Html(files, path)) yield return nested;
            }
            else if (item.Name.EndsWith(".html", StringComparison.Ordinal))
            {
                yield return path;
            }
        }
    }

    // A response feature that runs its OnStarting callbacks when told to, as a server does before the first byte.
    private sealed class StartingResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in _starting) await callback(state);
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private ConversationHost _host = null!;

        public HttpClient Http { get; private set; } = null!;

        public IServiceProvider Services => _host.Services;

        public Task InitializeAsync()
        {
            _host = new ConversationHost(settings: new Dictionary<string, string> { ["Security:WidgetFrameAncestors:0"] = Site }).Start();
            Http = new HttpClient { BaseAddress = _host.Address };
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await _host.DisposeAsync();
        }
    }
}
