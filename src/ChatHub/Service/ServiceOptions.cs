namespace GovAssistant.ChatHub.Service;

/// <summary>
/// Service-wide settings (section <c>Service</c>):
/// <code>"Service": { "TimeZone": "Asia/Shanghai" }</code>
/// </summary>
public sealed class ServiceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Service";

    /// <summary>
    /// IANA (or Windows) id of the zone the service works in: the dashboard's days and hours, and every time shown in
    /// the console and admin pages, whatever zone the viewer's browser is set to.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

/// <summary>The service's time zone, resolved once at start-up.</summary>
public sealed class ServiceTimeZone(TimeZoneInfo zone)
{
    /// <summary>The zone.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Its id as configured, e.g. <c>Asia/Shanghai</c>, for the pages' <c>Intl.DateTimeFormat</c>.</summary>
    public string Id => Zone.Id;

    /// <summary><paramref name="at"/> as wall-clock time in the service's zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The zone's offset from UTC at <paramref name="at"/>.</summary>
    public TimeSpan OffsetAt(DateTimeOffset at) => Zone.GetUtcOffset(at);
}

/// <summary>Registers <see cref="ServiceOptions"/> and <see cref="ServiceTimeZone"/>.</summary>
internal static class ServiceTimeZoneExtensions
{
    public static IHostApplicationBuilder AddServiceTimeZone(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.SectionName)
            .Validate(o => TryFind(o.TimeZone) is not null, "Service:TimeZone 不是已知的时区（例如 Asia/Shanghai）")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
            new ServiceTimeZone(TryFind(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServiceOptions>>().Value.TimeZone)!));
        return builder;
    }

    private static TimeZoneInfo? TryFind(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
