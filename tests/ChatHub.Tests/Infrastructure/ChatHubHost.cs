
namespace GovAssistant.ChatHub.Tests.Infrastructure;

/// <summary>
/// The real ChatHub host on Kestrel, listening on a free loopback port, with its SQLite database and Lucene index
/// in a temp folder of its own, so the seed bank is loaded from scratch on start. Tests talk to it with a plain
/// <see cref="HttpClient"/> over the socket, exactly as a browser or an integrator would. Shared per test class.
/// </summary>
public sealed class ChatHubHost : IAsyncLifetime
{
    private readonly LoopbackApp _factory;

    public ChatHubHost() => _factory = new LoopbackApp(Folder.Path);

    /// <summary>Holds the database (<c>bank.db</c>) and the index (<c>index/</c>).</summary>
    public TempFolder Folder { get; } = new();

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A client whose base address is <see cref="Address"/>.</summary>
    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // Start-up loads the seed bank and builds the index before the server accepts requests.
        Address = _factory.Start();
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await _factory.DisposeAsync();
        Folder.Dispose();
    }
}
