using GovAssistant.ChatHub.Insights;
using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>What every follow-up store does, on either provider.</summary>
public abstract class RatingFollowUpsContract(StorageProvider provider) : StoreContract(provider)
{
    private RatingFollowUps Create() => Pick<RatingFollowUps>(db => new SqliteRatingFollowUps(db, Time), db => new PostgresRatingFollowUps(db, Time));

    [Fact]
    public async Task ALaterMarkReplacesTheNoteOfTheSameConversation()
    {
        var store = Create();
        await store.MarkAsync("c-1", "已电话回访", "sup-1");
        Time.Advance(TimeSpan.FromHours(2));
        var later = await store.MarkAsync("c-1", "已补办完成", "sup-2");
        var other = await store.MarkAsync("c-2", "已致歉", "sup-1");

        var all = await store.AllAsync();

        Assert.Equal(2, all.Count);
        Assert.Equal(later, all["c-1"]);
        Assert.Equal(other, all["c-2"]);
    }
}

public sealed class SqliteRatingFollowUpsTests() : RatingFollowUpsContract(StorageProvider.Sqlite);

public sealed class PostgresRatingFollowUpsTests() : RatingFollowUpsContract(StorageProvider.Postgres);
