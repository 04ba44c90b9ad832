using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>WeChat users in the service's SQLite file.</summary>
public sealed class SqliteWeChatUsers(SqliteDatabase database, TimeProvider time) : WeChatUsers(time)
{
    protected override async Task SaveAsync(string visitorId, string appId, string openId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(Upsert, new { visitorId, appId, openId, at = StoredTime.Text(at) }, cancellationToken: ct));
    }

    protected override async Task<Row?> LoadAsync(string visitorId, CancellationToken ct)
    {
        await using var connection = database.Open();
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { visitorId }, cancellationToken: ct));
    }
}
