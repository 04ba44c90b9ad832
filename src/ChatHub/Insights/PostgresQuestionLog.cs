using System.Data.Common;
using GovAssistant.ChatHub.Storage;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>The question log in PostgreSQL (times as <c>timestamptz</c>, candidate lists as <c>jsonb</c>).</summary>
public sealed class PostgresQuestionLog(PostgresDatabase database, TimeProvider time, IOptions<InsightsOptions> options, ILogger<PostgresQuestionLog> logger)
    : QuestionLog(time, options.Value, logger)
{
    private protected override async Task<DbConnection> OpenAsync(CancellationToken ct) => await database.OpenAsync(ct);

    private protected override object Stamp(DateTimeOffset at) => at.ToUniversalTime();

    private protected override string Json(string parameter) => $"CAST({parameter} AS jsonb)";

    // Npgsql sends a list as one array parameter.
    private protected override string AnyOf(string parameter) => $"= ANY({parameter})";
}
