using GovAssistant.ChatHub.Channels.WeChat;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>The access-token cache against the fake stable_token API, with a fake clock.</summary>
public sealed class WeChatAccessTokenTests : IAsyncLifetime
{
    private const string AppId = "wx1111222233334444";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeWeChatServer _wechat = null!;
    private WeChatAppOptions _app = null!;
    private WeChatAccessTokens _tokens = null!;

    public async Task InitializeAsync()
    {
        _wechat = await new FakeWeChatServer((AppId, "secret-for-token-tests")).StartAsync();
        _app = new WeChatAppOptions { AppId = AppId, AppSecret = "secret-for-token-tests", ApiBaseUrl = _wechat.Address.ToString() };
        _tokens = new WeChatAccessTokens(new WeChatApiClient(new HttpClient()), _clock,
            Options.Create(new WeChatOptions { TokenRefreshMargin = TimeSpan.FromMinutes(5) }), NullLogger<WeChatAccessTokens>.Instance);
    }

    public async Task DisposeAsync() => await _wechat.DisposeAsync();

    [Fact]
    public async Task ManyConcurrentCallersShareOneFetchAndLaterCallsUseTheCache()
    {
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _tokens.GetAsync(_app))));
        for (var i = 0; i < 200; i++) Assert.Equal(concurrent[0], await _tokens.GetAsync(_app));

        Assert.Single(concurrent.Distinct());
        Assert.Equal(1, _wechat.TokenFetches);
    }

    [Fact]
    public async Task TheTokenIsRenewedBeforeItExpires()
    {
        _wechat.TokenLifetimeSeconds = 7200;
        var first = await _tokens.GetAsync(_app);

        _clock.Advance(TimeSpan.FromSeconds(7200 - 300 - 1));   // just before the 5-minute margin
        Assert.Equal(first, await _tokens.GetAsync(_app));
        _clock.Advance(TimeSpan.FromSeconds(2));                // inside it
        var second = await _tokens.GetAsync(_app);

        Assert.NotEqual(first, second);
        Assert.Equal(2, _wechat.TokenFetches);
        Assert.Equal(second, await _tokens.GetAsync(_app));
    }

    [Fact]
    public async Task AShortLivedTokenIsStillReusedForHalfItsLifetime()
    {
        _wechat.TokenLifetimeSeconds = 300;   // the margin would eat it all
        var first = await _tokens.GetAsync(_app);
        _clock.Advance(TimeSpan.FromSeconds(149));
        Assert.Equal(first, await _tokens.GetAsync(_app));
        Assert.Equal(1, _wechat.TokenFetches);
    }

    [Fact]
    public async Task AFailedFetchIsNotCachedAndTheNextCallRecovers()
    {
        _wechat.FailNextTokenFetches(1);

        var failure = await Assert.ThrowsAsync<WeChatApiException>(() => _tokens.GetAsync(_app));
        Assert.Equal(-1, failure.ErrCode);
        var token = await _tokens.GetAsync(_app);

        Assert.StartsWith("ACCESS_TOKEN_", token);
        Assert.Equal(1, _wechat.TokenFetches);
    }

    [Fact]
    public async Task AnInvalidatedTokenIsFetchedAnew()
    {
        var first = await _tokens.GetAsync(_app);
        _tokens.Invalidate(_app, "some-older-token");
        Assert.Equal(first, await _tokens.GetAsync(_app));

        _tokens.Invalidate(_app, first);
        Assert.NotEqual(first, await _tokens.GetAsync(_app));
        Assert.Equal(2, _wechat.TokenFetches);
    }
}
