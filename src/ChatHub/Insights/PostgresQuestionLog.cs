using System.Data.Common;
using GovAssistant.ChatHub.Storage;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>The question log in PostgreSQL (times as <c>timestamptz</c>, candidate lists as <c>jsonb</c>).</summary>
public sealed class PostgresQuestionLog(PostgresDatabase database, TimeProvider time, IOptions<InsightsOptions> options, ILogger<PostgresQuestionLog> logger)
    : QuestionLog(SqlDialect.Postgres, time, options.Value, logger)
{
    private protected override async Task<DbConnection> OpenAsync(CancellationToken ct) => await database.OpenAsync(ct);
}
