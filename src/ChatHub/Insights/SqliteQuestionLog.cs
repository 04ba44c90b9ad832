using System.Data.Common;
using GovAssistant.ChatHub.Storage;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>The question log in the service's SQLite file (times as ISO-8601 text, candidate lists as JSON text).</summary>
public sealed class SqliteQuestionLog(SqliteDatabase database, TimeProvider time, IOptions<InsightsOptions> options, ILogger<SqliteQuestionLog> logger)
    : QuestionLog(time, options.Value, logger)
{
    private protected override async Task<DbConnection> OpenAsync(CancellationToken ct) => await database.OpenAsync(ct);

    private protected override object Stamp(DateTimeOffset at) => StoredTime.Text(at);

    private protected override string Json(string parameter) => parameter;

    // Dapper expands a list parameter after IN into one parameter per item.
    private protected override string AnyOf(string parameter) => $"IN {parameter}";
}
