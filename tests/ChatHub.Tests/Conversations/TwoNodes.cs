using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Tests.Infrastructure;
using GovAssistant.Tests.Shared;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>
/// Two real hosts (two "nodes", each with its own process state: locks, contexts, presence) on one conversation
/// database: a shared SQLite file, or one PostgreSQL database.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private readonly TempFolder _shared = new();
    private readonly string? _postgres;

    private TwoNodes(string? postgres)
    {
        _postgres = postgres;
        var settings = postgres is null
            ? new Dictionary<string, string> { ["KnowledgeBase:DatabasePath"] = _shared.File("shared.db") }
            : new Dictionary<string, string> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Postgres"] = postgres };
        A = new ConversationHost(settings: settings).Start();
        B = new ConversationHost(settings: settings).Start();
    }

    public ConversationHost A { get; }

    public ConversationHost B { get; }

    /// <summary>Two nodes on <paramref name="provider"/> (<c>sqlite</c> or <c>postgres</c>).</summary>
    public static async Task<TwoNodes> StartAsync(string provider) =>
        new(provider == "postgres" ? await PostgresServer.CreateDatabaseAsync() : null);

    public static ConversationService Service(ConversationHost node) => node.Services.GetRequiredService<ConversationService>();

    public static IConversationStore Store(ConversationHost node) => node.Services.GetRequiredService<IConversationStore>();

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        if (_postgres is not null) await PostgresServer.DropDatabaseAsync(_postgres);
        _shared.Dispose();
    }
}
