using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>What every WeChat user store does, on either provider.</summary>
public abstract class WeChatUsersContract(StorageProvider provider) : StoreContract(provider)
{
    private WeChatUsers Create() => Pick<WeChatUsers>(db => new SqliteWeChatUsers(db, Time), db => new PostgresWeChatUsers(db, Time));

    [Fact]
    public async Task ARememberedUserIsFoundByTheirVisitorIdAndSeeingThemAgainKeepsOneRow()
    {
        var users = Create();
        var id = await users.RememberAsync("wx-app", "openid-1");
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(id, await users.RememberAsync("wx-app", "openid-1"));

        Assert.Equal(("wx-app", "openid-1"), await users.FindAsync(id));
        Assert.NotEqual(id, await users.RememberAsync("other-app", "openid-1"));
        Assert.Null(await users.FindAsync("visitor-not-wechat"));
    }
}

public sealed class SqliteWeChatUsersTests() : WeChatUsersContract(StorageProvider.Sqlite);

public sealed class PostgresWeChatUsersTests() : WeChatUsersContract(StorageProvider.Postgres);
