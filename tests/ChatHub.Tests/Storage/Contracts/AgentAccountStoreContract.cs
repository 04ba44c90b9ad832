using GovAssistant.ChatHub.Agents;
using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>What every staff account store does, on either provider.</summary>
public abstract class AgentAccountStoreContract(StorageProvider provider) : StoreContract(provider)
{
    private const string Password = "Qz7-Ministry-Desk!";

    private AgentAccountStore Create() => Pick<AgentAccountStore>(db => new SqliteAgentAccountStore(db, Time), db => new PostgresAgentAccountStore(db, Time));

    private static AgentProfile Profile(string id, params string[] roles) => new(id, "张三", ["出入境管理局"], roles, 3);

    [Fact]
    public async Task AnAccountIsCreatedOnceAndComesBackWithItsProfileFlagsAndTimes()
    {
        var store = Create();
        Assert.True(await store.CreateAsync(Profile("zhang", AgentRoles.Agent), Password, mustChangePassword: true));
        Assert.False(await store.CreateAsync(Profile("zhang", AgentRoles.Admin), Password));

        var account = (await store.GetAsync("zhang"))!;
        Assert.Equal(("张三", 3, false, true), (account.Name, account.Capacity, account.Disabled, account.MustChangePassword));
        Assert.Equal(["出入境管理局"], account.Departments);
        Assert.Equal([AgentRoles.Agent], account.Roles);
        Assert.Equal((Time.GetUtcNow(), Time.GetUtcNow()), (account.CreatedAt, account.UpdatedAt));
        Assert.Equal(1, await store.CountAsync());
        Assert.Equal(["zhang"], (await store.ListAsync()).Select(a => a.Id));
    }

    [Fact]
    public async Task OnlyTheRightPasswordVerifiesAndANewPasswordEndsTheSessions()
    {
        var store = Create();
        await store.CreateAsync(Profile("admin", AgentRoles.Admin), Password);
        await store.CreateAsync(Profile("li", AgentRoles.Agent), Password);
        var stamp = (await store.GetAsync("li"))!.SecurityStamp;

        Assert.NotNull(await store.VerifyPasswordAsync("li", Password));
        Assert.Null(await store.VerifyPasswordAsync("li", "Wrong-Password-123"));
        Assert.Null(await store.VerifyPasswordAsync("nobody", Password));

        Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(AgentUpdateResult.Updated, await store.UpdateAsync("li", new AgentAccountChanges(Password: "Hj3#Rivers-Quay", Capacity: 5)));
        var changed = (await store.GetAsync("li"))!;
        Assert.NotEqual(stamp, changed.SecurityStamp);
        Assert.Equal((5, Time.GetUtcNow()), (changed.Capacity, changed.UpdatedAt));
        Assert.NotNull(await store.VerifyPasswordAsync("li", "Hj3#Rivers-Quay"));
    }

    [Fact]
    public async Task TheLastEnabledAdminCannotBeDisabledButADisabledAccountIsNotFound()
    {
        var store = Create();
        await store.CreateAsync(Profile("admin", AgentRoles.Admin), Password);
        await store.CreateAsync(Profile("wang", AgentRoles.Agent), Password);

        Assert.Equal(AgentUpdateResult.LastAdmin, await store.UpdateAsync("admin", new AgentAccountChanges(Disabled: true)));
        Assert.Equal(AgentUpdateResult.NotFound, await store.UpdateAsync("ghost", new AgentAccountChanges(Capacity: 1)));
        Assert.Equal(AgentUpdateResult.Updated, await store.UpdateAsync("wang", new AgentAccountChanges(Disabled: true)));

        Assert.Null(await store.FindAsync("wang"));
        Assert.NotNull(await store.FindAsync("admin"));
    }
}

public sealed class SqliteAgentAccountStoreTests() : AgentAccountStoreContract(StorageProvider.Sqlite);

public sealed class PostgresAgentAccountStoreTests() : AgentAccountStoreContract(StorageProvider.Postgres);
