using GovAssistant.ChatHub.Audit;
using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>What every audit log does, on either provider.</summary>
public abstract class AuditLogContract(StorageProvider provider) : StoreContract(provider)
{
    private AuditLog Create() => Pick<AuditLog>(db => new SqliteAuditLog(db, Time), db => new PostgresAuditLog(db, Time));

    [Fact]
    public async Task RecordedEntriesComeBackNewestFirstWithTheirIdsAndTimes()
    {
        var log = Create();
        var first = await log.RecordAsync("admin", "bank.publish", "rev-1");
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await log.RecordAsync("editor", "bank.edit", "SF-001", "改了答案");

        var listed = await log.ListAsync(new AuditQuery());

        Assert.Equal([second, first], listed);
        Assert.True(second.Id > first.Id);
        Assert.Equal(Time.GetUtcNow(), listed[0].At);
    }

    [Fact]
    public async Task TheQueryFiltersByActorActionTargetAndPeriodAndCapsTheCount()
    {
        var log = Create();
        var start = Time.GetUtcNow();
        await log.RecordAsync("admin", "bank.publish", "rev-1");
        Time.Advance(TimeSpan.FromHours(1));
        var edit = await log.RecordAsync("editor", "bank.edit", "SF-001");
        Time.Advance(TimeSpan.FromHours(1));
        var later = await log.RecordAsync("editor", "bank.edit", "SF-002");

        Assert.Equal([later, edit], await log.ListAsync(new AuditQuery(Actor: "editor")));
        Assert.Equal([edit], await log.ListAsync(new AuditQuery(Target: "SF-001")));
        Assert.Equal([edit], await log.ListAsync(new AuditQuery(Action: "bank.edit", From: start.AddMinutes(30), To: start.AddMinutes(90))));
        Assert.Equal([later], await log.ListAsync(new AuditQuery(Max: 1)));
    }
}

public sealed class SqliteAuditLogTests() : AuditLogContract(StorageProvider.Sqlite);

public sealed class PostgresAuditLogTests() : AuditLogContract(StorageProvider.Postgres);
