using System.Security.Cryptography;
using System.Text;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Which WeChat user (app + openid) a visitor id stands for, in the <c>wechat_users</c> table
/// (<see cref="SqliteWeChatUsers"/> or <see cref="PostgresWeChatUsers"/>), so agent replies reach the user after a
/// restart. The visitor id is derived from app and openid, so a push and a mini-program login of the same user land
/// in the same conversations.
/// </summary>
public abstract class WeChatUsers(TimeProvider time)
{
    /// <summary>The upsert both providers understand.</summary>
    protected const string Upsert = """
        INSERT INTO wechat_users (visitor_id, app_id, open_id, seen_at) VALUES (@visitorId, @appId, @openId, @at)
        ON CONFLICT (visitor_id) DO UPDATE SET seen_at = excluded.seen_at;
        """;

    /// <summary>The lookup both providers run.</summary>
    protected const string Select = "SELECT app_id AS AppId, open_id AS OpenId FROM wechat_users WHERE visitor_id = @visitorId;";

    /// <summary>The visitor id of a WeChat user: stable, not reversible to the openid, distinct per app.</summary>
    public static string VisitorIdOf(string appId, string openId) =>
        "wx_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + "\n" + openId)).AsSpan(0, 16));

    /// <summary>Records that the user was seen and returns their visitor id.</summary>
    public async Task<string> RememberAsync(string appId, string openId, CancellationToken ct = default)
    {
        var visitorId = VisitorIdOf(appId, openId);
        await SaveAsync(visitorId, appId, openId, time.GetUtcNow(), ct);
        return visitorId;
    }

    /// <summary>The app and openid behind a visitor id, or null when it is not a WeChat user.</summary>
    public async Task<(string AppId, string OpenId)?> FindAsync(string visitorId, CancellationToken ct = default) =>
        await LoadAsync(visitorId, ct) is { } row ? (row.AppId, row.OpenId) : null;

    /// <summary>Stores the user, or the time they were seen again.</summary>
    protected abstract Task SaveAsync(string visitorId, string appId, string openId, DateTimeOffset at, CancellationToken ct);

    /// <summary>The user behind <paramref name="visitorId"/>, or null.</summary>
    protected abstract Task<Row?> LoadAsync(string visitorId, CancellationToken ct);

    /// <summary>A row as both providers return it.</summary>
    protected sealed record Row(string AppId, string OpenId);
}
