using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovAssistant.ChatHub.Tests.Infrastructure;

/// <summary>
/// The real ChatHub host on Kestrel, listening on a free loopback port, with its SQLite database and Lucene index
/// in a temp folder of its own, so the seed bank is loaded from scratch on start. Tests talk to it with a plain
/// <see cref="HttpClient"/> over the socket, exactly as a browser or an integrator would. Shared per test class.
/// </summary>
public sealed class ChatHubHost : IAsyncLifetime
{
    private readonly Factory _factory;

    public ChatHubHost() => _factory = new Factory(Folder);

    /// <summary>Holds the database (<c>bank.db</c>) and the index (<c>index/</c>).</summary>
    public TempFolder Folder { get; } = new();

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A client whose base address is <see cref="Address"/>.</summary>
    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // Start-up loads the seed bank and builds the index before the server accepts requests.
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Address = new Uri(addresses.Addresses.Single());
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await _factory.DisposeAsync();
        Folder.Dispose();
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly TempFolder _folder;

        public Factory(TempFolder folder)
        {
            _folder = folder;
            // An explicit loopback endpoint: port 0 lets the OS pick a free port, so classes can run in parallel.
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // UseSetting, not ConfigureAppConfiguration: the factory hands these to Program as command-line arguments,
            // so they are visible while Program composes the host (StoragePaths reads the database path right then);
            // ConfigureAppConfiguration sources are only added when the builder is built, too late for that.
            builder.UseSetting("KnowledgeBase:DatabasePath", _folder.File("bank.db"));
            builder.UseSetting("QaEngine:IndexPath", _folder.File("index"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
