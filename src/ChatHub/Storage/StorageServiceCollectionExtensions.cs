using GovAssistant.KnowledgeBase.Storage;
using Microsoft.Data.Sqlite;
using GovAssistant.ChatHub.Bank;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Storage;

/// <summary>
/// Registers the database the host's stores share, SQLite or PostgreSQL by <c>Storage:Provider</c>, with the host's
/// schema migrated (Storage/Migrations/{Sqlite,Postgres}) before the first store opens it.
/// </summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>Journal of the host's migrations (the bank keeps its own).</summary>
    public const string JournalTable = "host_migrations";

    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(o => o.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Postgres")),
                "Storage:Provider 为 postgres 时必须设置 ConnectionStrings:Postgres（环境变量 ConnectionStrings__Postgres）")
            .ValidateOnStart();
        var paths = StoragePaths.Resolve(builder);
        builder.Services.AddSingleton(paths);
        // The one SQLite file the host's stores share (accounts, conversations, audit, insights, channels).
        builder.Services.AddSingleton(sp =>
        {
            var database = new SqliteDatabase(sp.GetRequiredService<StoragePaths>().DatabasePath);
            var connectionString = new SqliteConnectionStringBuilder { DataSource = sp.GetRequiredService<StoragePaths>().DatabasePath }.ToString();
            SchemaMigrations.Run(StorageProvider.Sqlite, connectionString, typeof(StorageOptions).Assembly, JournalTable);
            return database;
        });
        builder.Services.AddSingleton(sp =>
        {
            var connectionString = builder.Configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("未设置 ConnectionStrings:Postgres");
            SchemaMigrations.Run(StorageProvider.Postgres, connectionString, typeof(StorageOptions).Assembly, JournalTable);
            return new PostgresDatabase(connectionString);
        });
        return builder;
    }

    /// <summary>The configured provider (for registrations that pick a store implementation).</summary>
    public static StorageProvider ConfiguredProvider(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
