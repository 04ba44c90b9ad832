using Dapper;
using GovAssistant.ChatHub.Storage;
using GovAssistant.QaEngine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovAssistant.ChatHub.Operations;

/// <summary>The SQLite file answers a query (the PostgreSQL check is AspNetCore.HealthChecks.NpgSql's).</summary>
internal sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = database.Open();
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1;", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy("SQLite 数据库可读写");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("SQLite 数据库无法访问", e);
        }
    }
}

/// <summary>The answering engine has a published bank to answer from.</summary>
internal sealed class BankHealthCheck(AnswerEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.EntryCount > 0
            ? HealthCheckResult.Healthy($"问答库已加载（{engine.EntryCount} 条，版本 {engine.Revision}）")
            : HealthCheckResult.Unhealthy("问答库尚未加载"));
}
