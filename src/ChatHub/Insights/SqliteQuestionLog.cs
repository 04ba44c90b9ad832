using System.Data.Common;
using GovAssistant.ChatHub.Storage;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>The question log in the service's SQLite file (times as ISO-8601 text, candidate lists as JSON text).</summary>
public sealed class SqliteQuestionLog(SqliteDatabase database, TimeProvider time, IOptions<InsightsOptions> options, ILogger<SqliteQuestionLog> logger)
    : QuestionLog(SqlDialect.Sqlite, time, options.Value, logger)
{
    private protected override async Task<DbConnection> OpenAsync(CancellationToken ct) => await database.OpenAsync(ct);
}
