using System.Data.Common;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Agents;

/// <summary>Canned replies in the service's SQLite file.</summary>
public sealed class SqliteCannedReplyStore(SqliteDatabase database, TimeProvider time) : CannedReplyStore(time)
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    protected override object Stamp(DateTimeOffset at) => StoredTime.Text(at);
}
