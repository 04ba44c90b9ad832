using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Storage;
using GovAssistant.KnowledgeBase.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace GovAssistant.ChatHub.Operations;

/// <summary>
/// What an operator and a load balancer need from each node: <c>/healthz/live</c> (the process answers),
/// <c>/healthz/ready</c> (database reachable, bank loaded, Redis reachable when configured: 200 or 503) and
/// OpenTelemetry metrics at <c>/metrics</c> in Prometheus's text format, readable from loopback and the networks in
/// <c>Metrics:AllowedNetworks</c> only. <c>/healthz</c> keeps its bank and integrity report.
/// </summary>
internal static class OperationsServiceCollectionExtensions
{
    private const string Ready = "ready";

    /// <summary>Sections <c>Metrics</c> (<see cref="MetricsOptions"/>), <c>Storage:Provider</c>, <c>ConnectionStrings:Postgres|Redis</c>.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var (_, error) = (builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new()).Parse();
        if (error is not null) throw new InvalidOperationException(error);
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);

        var checks = builder.Services.AddHealthChecks().AddCheck<BankHealthCheck>("bank", tags: [Ready]);
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();
        if (storage.Provider == StorageProvider.Postgres && builder.Configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres)
            checks.AddNpgSql(postgres, name: "database", tags: [Ready], timeout: TimeSpan.FromSeconds(3));
        else
            checks.AddCheck<SqliteHealthCheck>("database", tags: [Ready]);
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
            checks.AddRedis(redis, name: "redis", tags: [Ready], timeout: TimeSpan.FromSeconds(3));

        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddSingleton<IConversationObserver, MetricsObserver>();
        builder.Services.AddSingleton<HubConnectionMetrics>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<HubConnectionMetrics>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ServiceMetrics.MeterName)
            // ASP.NET Core's own: request durations per route, Kestrel and SignalR connections.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            // A scrape sees the counts of that moment (the default caches a scrape for 300 ms).
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Maps <c>/healthz/live</c>, <c>/healthz/ready</c> and <c>/metrics</c>.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK, [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        });
        app.MapPrometheusScrapingEndpoint("/metrics").Add(endpoint =>
        {
            var scrape = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context => Allowed(context) ? scrape(context)
                : Results.Problem(detail: "未找到该地址。", statusCode: StatusCodes.Status404NotFound, title: "未找到").ExecuteAsync(context);
        });
        return app;
    }

    private static bool Allowed(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var (networks, _) = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.Parse();
        return networks.Any(n => n.Contains(address));
    }
}
