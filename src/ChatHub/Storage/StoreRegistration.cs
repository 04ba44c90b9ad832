using System.Globalization;
using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.ChatHub.Storage;

/// <summary>Registers a store seam with the implementation of the configured provider.</summary>
internal static class StoreRegistration
{
    /// <summary>
    /// <typeparamref name="TStore"/> as a singleton: <typeparamref name="TPostgres"/> when <c>Storage:Provider</c> is
    /// postgres, otherwise <typeparamref name="TSqlite"/> (constructor arguments from the container).
    /// </summary>
    public static IServiceCollection AddStore<TStore, TSqlite, TPostgres>(this IServiceCollection services)
        where TStore : class where TSqlite : TStore where TPostgres : TStore =>
        services.AddSingleton<TStore>(sp => sp.ConfiguredProvider() == StorageProvider.Postgres
            ? ActivatorUtilities.CreateInstance<TPostgres>(sp)
            : ActivatorUtilities.CreateInstance<TSqlite>(sp));
}

/// <summary>
/// Timestamps as the two providers keep them: SQLite as ISO-8601 text in UTC (which sorts and compares as time),
/// PostgreSQL as <c>timestamptz</c> (Npgsql reads it back as a UTC <see cref="DateTime"/>).
/// </summary>
internal static class StoredTime
{
    /// <summary>The SQLite text of <paramref name="at"/>.</summary>
    public static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The SQLite text of <paramref name="at"/>, or null.</summary>
    public static string? Text(DateTimeOffset? at) => at is { } value ? Text(value) : null;

    /// <summary>A value read from either provider (text, <see cref="DateTime"/> or <see cref="DateTimeOffset"/>).</summary>
    public static DateTimeOffset Read(object value) => value switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        _ => throw new InvalidCastException($"Not a stored time: {value.GetType().Name}"),
    };

    /// <summary>As <see cref="Read(object)"/>, null for null or DBNull.</summary>
    public static DateTimeOffset? ReadOptional(object? value) => value is null or DBNull ? null : Read(value);
}
