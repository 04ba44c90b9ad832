using GovAssistant.ChatHub.Agents;
using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>What every canned reply store does, on either provider.</summary>
public abstract class CannedReplyStoreContract(StorageProvider provider) : StoreContract(provider)
{
    private CannedReplyStore Create() => Pick<CannedReplyStore>(db => new SqliteCannedReplyStore(db, Time), db => new PostgresCannedReplyStore(db, Time));

    [Fact]
    public async Task ANewDatabaseStartsWithTheShippedDefaultsOnlyOnce()
    {
        var defaults = await Create().ListAsync();
        Assert.Contains(defaults, r => r.Department == "" && r.UpdatedBy == "system");

        foreach (var reply in defaults) await Create().DeleteAsync(reply.Id);

        Assert.Empty(await Create().ListAsync());
    }

    [Fact]
    public async Task RepliesAreAddedChangedAndDeletedAndADepartmentSeesItsOwnBeforeTheCommonOnes()
    {
        var store = Create();
        var added = await store.AddAsync("婚姻登记处", " 请携带护照原件。 ", "sup-1");
        Assert.Equal(("请携带护照原件。", "sup-1", Time.GetUtcNow()), (added.Text, added.UpdatedBy, added.UpdatedAt));

        var forDepartment = await store.ForDepartmentAsync("婚姻登记处");
        Assert.Equal(added, forDepartment[0]);
        Assert.All(forDepartment.Skip(1), r => Assert.Equal("", r.Department));

        Time.Advance(TimeSpan.FromHours(1));
        var changed = (await store.UpdateAsync(added.Id, "婚姻登记处", "请携带护照和身份证。", "sup-2"))!;
        Assert.Equal(("请携带护照和身份证。", "sup-2", Time.GetUtcNow()), (changed.Text, changed.UpdatedBy, changed.UpdatedAt));
        Assert.Null(await store.UpdateAsync(999_999, "", "无此回复", "sup-2"));

        Assert.True(await store.DeleteAsync(added.Id));
        Assert.False(await store.DeleteAsync(added.Id));
        Assert.Null(await store.GetAsync(added.Id));
    }
}

public sealed class SqliteCannedReplyStoreTests() : CannedReplyStoreContract(StorageProvider.Sqlite);

public sealed class PostgresCannedReplyStoreTests() : CannedReplyStoreContract(StorageProvider.Postgres);
