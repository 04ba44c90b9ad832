using System.Data.Common;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Agents;

/// <summary>Canned replies in PostgreSQL.</summary>
public sealed class PostgresCannedReplyStore(PostgresDatabase database, TimeProvider time) : CannedReplyStore(time)
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    protected override object Stamp(DateTimeOffset at) => at.ToUniversalTime();
}
