using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>WeChat users in PostgreSQL.</summary>
public sealed class PostgresWeChatUsers(PostgresDatabase database, TimeProvider time) : WeChatUsers(time)
{
    protected override async Task SaveAsync(string visitorId, string appId, string openId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Upsert, new { visitorId, appId, openId, at = at.ToUniversalTime() }, cancellationToken: ct));
    }

    protected override async Task<Row?> LoadAsync(string visitorId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { visitorId }, cancellationToken: ct));
    }
}
