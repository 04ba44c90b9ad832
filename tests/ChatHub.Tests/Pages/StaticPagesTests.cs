using System.Net;
using System.Net.Http.Headers;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.Pages;

/// <summary>wwwroot over the real socket: compressed text, cache headers, ETag revalidation; APIs left uncompressed.</summary>
public sealed class StaticPagesTests
{
    [Fact]
    public async Task ScriptsAreCompressedCachedAndRevalidatedWithTheirETag()
    {
        await using var host = new ConversationHost().Start();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.Address };
        var plain = await http.GetByteArrayAsync("/js/visitor.js");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/js/visitor.js");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var compressed = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        var body = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < plain.Length / 2, $"{body.Length} of {plain.Length} bytes");
        await using (var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress))
        using (var copy = new MemoryStream())
        {
            await brotli.CopyToAsync(copy);
            Assert.Equal(plain, copy.ToArray());
        }
        Assert.Equal("public, max-age=600", compressed.Headers.CacheControl!.ToString());
        var etag = compressed.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/js/visitor.js");
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task PagesAreAlwaysRevalidatedAndApiAnswersAreNotCompressed()
    {
        await using var host = new ConversationHost().Start();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.Address };
        http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var page = await http.GetAsync("/");
        Assert.Equal("no-cache", page.Headers.CacheControl!.ToString());
        Assert.Equal("gzip", Assert.Single(page.Content.Headers.ContentEncoding));
        Assert.NotNull(page.Headers.ETag);

        using var api = await http.GetAsync("/api/welcome");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Empty(api.Content.Headers.ContentEncoding);
    }
}
