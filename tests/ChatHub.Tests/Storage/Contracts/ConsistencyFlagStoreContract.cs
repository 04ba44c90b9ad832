using GovAssistant.ChatHub.Admin;
using GovAssistant.KnowledgeBase;
using GovAssistant.KnowledgeBase.Storage;
using GovAssistant.QaEngine.Consistency;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>What every consistency flag store does, on either provider.</summary>
public abstract class ConsistencyFlagStoreContract(StorageProvider provider) : StoreContract(provider)
{
    private ConsistencyFlagStore Create() => Pick<ConsistencyFlagStore>(db => new SqliteConsistencyFlagStore(db), db => new PostgresConsistencyFlagStore(db));

    private static ConsistencyFlag Flag(string firstAnswer = "工本费20元") => new(
        new FaqEntry { Id = "A-1", Question = "身份证补办多少钱", Answer = firstAnswer, Department = "公安局" },
        new FaqEntry { Id = "B-1", Question = "补办身份证收费吗", Answer = "工本费40元", Department = "政务中心" },
        0.82, "身份证补办多少钱", "补办身份证收费吗", [new FactConflict(FactKind.Fee, ["20元"], ["40元"])]);

    [Fact]
    public async Task AStoredFlagComesBackWithItsConflictsAndOpenCount()
    {
        var store = Create();
        var at = Time.GetUtcNow();

        Assert.Equal(1, await store.SyncAsync([Flag()], at));

        var flag = Assert.Single(await store.ListAsync("open"));
        Assert.Equal(("A-1|B-1", "公安局", "政务中心", 0.82, at), (flag.PairKey, flag.FirstDepartment, flag.SecondDepartment, flag.Similarity, flag.DetectedAt));
        Assert.True(flag.CrossDepartment);
        var conflict = Assert.Single(flag.Conflicts);
        Assert.Equal(("fee", "20元", "40元"), (conflict.Kind, conflict.OnlyInFirst.Single(), conflict.OnlyInSecond.Single()));
    }

    [Fact]
    public async Task ADismissalHoldsWhileTheAnswersStayTheSameAndReopensWhenOneChanges()
    {
        var store = Create();
        await store.SyncAsync([Flag()], Time.GetUtcNow());
        var decidedAt = Time.GetUtcNow().AddMinutes(5);
        await store.DecideAsync("A-1|B-1", "dismissed", "reviewer", "口径不同但都对", null, decidedAt);

        Assert.Equal(0, await store.SyncAsync([Flag()], Time.GetUtcNow().AddHours(1)));
        var kept = (await store.GetAsync("A-1|B-1"))!;
        Assert.Equal(("dismissed", "reviewer", decidedAt), (kept.Status, kept.DecidedBy, kept.DecidedAt));

        Assert.Equal(1, await store.SyncAsync([Flag("工本费25元")], Time.GetUtcNow().AddHours(2)));
        var reopened = (await store.GetAsync("A-1|B-1"))!;
        Assert.Equal(("open", null, null), (reopened.Status, reopened.DecidedBy, reopened.DecidedAt));
    }

    [Fact]
    public async Task AnOpenPairNoLongerFoundIsResolved()
    {
        var store = Create();
        await store.SyncAsync([Flag()], Time.GetUtcNow());

        Assert.Equal(0, await store.SyncAsync([], Time.GetUtcNow()));
        Assert.Equal("resolved", Assert.Single(await store.ListAsync(null)).Status);
    }
}

public sealed class SqliteConsistencyFlagStoreTests() : ConsistencyFlagStoreContract(StorageProvider.Sqlite);

public sealed class PostgresConsistencyFlagStoreTests() : ConsistencyFlagStoreContract(StorageProvider.Postgres);
