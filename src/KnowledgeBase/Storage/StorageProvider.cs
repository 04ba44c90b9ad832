namespace GovAssistant.KnowledgeBase.Storage;

/// <summary>Which database the stores use: the embedded SQLite file (default) or a PostgreSQL server shared by nodes.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file beside the service: the README's first command, one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Postgres</c>): several nodes behind a load balancer.</summary>
    Postgres,
}
