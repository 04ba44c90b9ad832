using System.Security.Cryptography;
using System.Text;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Which WeChat user (app + openid) a visitor id stands for, in the <c>wechat_users</c> table of the service's
/// SQLite file, so agent replies reach the user after a restart. The visitor id is derived from app and openid,
/// so a push and a mini-program login of the same user land in the same conversations.
/// </summary>
public sealed class WeChatUsers
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Uses the service database <paramref name="database"/>, creating the table if needed.</summary>
    public WeChatUsers(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        using var connection = _database.Open();
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS wechat_users (
                visitor_id TEXT PRIMARY KEY, app_id TEXT NOT NULL, open_id TEXT NOT NULL, seen_at TEXT NOT NULL);
            """);
    }

    /// <summary>The visitor id of a WeChat user: stable, not reversible to the openid, distinct per app.</summary>
    public static string VisitorIdOf(string appId, string openId) =>
        "wx_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + "\n" + openId)).AsSpan(0, 16));

    /// <summary>Records that the user was seen and returns their visitor id.</summary>
    public async Task<string> RememberAsync(string appId, string openId, CancellationToken ct = default)
    {
        var visitorId = VisitorIdOf(appId, openId);
        await using var connection = _database.Open();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO wechat_users (visitor_id, app_id, open_id, seen_at) VALUES (@visitorId, @appId, @openId, @at)
            ON CONFLICT (visitor_id) DO UPDATE SET seen_at = excluded.seen_at;
            """, new { visitorId, appId, openId, at = _time.GetUtcNow().ToString("O") }, cancellationToken: ct));
        return visitorId;
    }

    /// <summary>The app and openid behind a visitor id, or null when it is not a WeChat user.</summary>
    public async Task<(string AppId, string OpenId)?> FindAsync(string visitorId, CancellationToken ct = default)
    {
        await using var connection = _database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT app_id AS AppId, open_id AS OpenId FROM wechat_users WHERE visitor_id = @visitorId;", new { visitorId }, cancellationToken: ct));
        return row is null ? null : (row.AppId, row.OpenId);
    }


    private sealed record Row(string AppId, string OpenId);
}
