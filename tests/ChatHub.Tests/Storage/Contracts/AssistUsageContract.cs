using GovAssistant.ChatHub.Assist;
using GovAssistant.KnowledgeBase.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>What every model-usage store does, on either provider.</summary>
public abstract class AssistUsageContract(StorageProvider provider) : StoreContract(provider)
{
    private AssistUsage Create() => Pick<AssistUsage>(
        db => new SqliteAssistUsage(db, Time, NullLogger<SqliteAssistUsage>.Instance),
        db => new PostgresAssistUsage(db, Time, NullLogger<PostgresAssistUsage>.Instance));

    [Fact]
    public async Task CallsAreSummedPerUtcDayOverThePeriodAsked()
    {
        await using var usage = Create();
        usage.Record(new AssistCall("reply-draft", "3", "ok", 100, 50, 10, "SF-001"));
        Time.Advance(TimeSpan.FromDays(1));
        usage.Record(new AssistCall("reply-draft", "3", "ok", 120.44, 60, 12, "SF-001"));
        usage.Record(new AssistCall("handoff-summary", "2", "timeout", 300, 70, 0, ""));

        var days = await usage.DailyAsync(7);

        Assert.Equal([
            new AssistDay("2026-03-02", 1, 0, 100, 100, 50, 10),
            new AssistDay("2026-03-03", 2, 1, 210.2, 300, 130, 12),
        ], days);
        Assert.Equal(["2026-03-03"], (await usage.DailyAsync(1)).Select(d => d.Day));
    }
}

public sealed class SqliteAssistUsageTests() : AssistUsageContract(StorageProvider.Sqlite);

public sealed class PostgresAssistUsageTests() : AssistUsageContract(StorageProvider.Postgres);
