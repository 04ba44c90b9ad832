using GovAssistant.ChatHub.Conversations;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// The Bot Framework Direct Line 3.0 channel: sites that embed Microsoft's Web Chat (or any Direct Line client) talk
/// to the bot and the agents through it. See docs/directline.md.
/// </summary>
public static class DirectLineChannel
{
    /// <summary>The conversations' channel name.</summary>
    public const string Name = "directline";

    /// <summary>Where the endpoints live, as Web Chat's <c>domain</c> expects.</summary>
    public const string Prefix = "/v3/directline";

    private const string CorsPolicy = "DirectLine";

    /// <summary>
    /// Registers tokens, the stream registry and the observer that feeds it. Configuration:
    /// <code>"DirectLine": { "Secrets": [], "TokenLifetime": "00:30:00", "MaxActivitiesPerSet": 100, "AllowedOrigins": ["*"] }</code>
    /// </summary>
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName)
            .Validate(o => o.Secrets.All(s => s.Length >= DirectLineOptions.MinSecretLength),
                $"DirectLine:Secrets 中的每个密钥至少 {DirectLineOptions.MinSecretLength} 个字符")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero && o.StreamUrlLifetime > TimeSpan.Zero && o.KeepAliveInterval > TimeSpan.Zero,
                "DirectLine 的时长设置必须为正")
            .ValidateOnStart();
        builder.Services.AddSingleton<DirectLineTokens>();
        builder.Services.AddSingleton<DirectLineStreams>();
        builder.Services.AddSingleton<DirectLineStream>();
        builder.Services.AddSingleton<IConversationObserver, DirectLineBroadcaster>();
        var origins = builder.Configuration.GetSection(DirectLineOptions.SectionName).Get<DirectLineOptions>()?.AllowedOrigins ?? ["*"];
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => Allow(p, origins)));
        return builder;
    }

    /// <summary>Maps <c>/v3/directline/…</c>: the REST endpoints and the WebSocket stream.</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        // Only endpoints that ask for a CORS policy are affected: Direct Line's (bearer tokens, no cookies).
        app.UseCors();
        var group = app.MapGroup(DirectLineChannel.Prefix).RequireCors(CorsPolicy).AddEndpointFilter<DirectLineErrors>();
        group.MapDirectLineApi();
        // The stream has its own little pipeline with the WebSocket middleware, as SignalR's hubs do.
        var stream = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        stream.UseWebSockets();
        stream.Run(context => context.RequestServices.GetRequiredService<DirectLineStream>()
            .RunAsync(context, context.GetRouteValue("conversationId") as string ?? ""));
        group.Map("/conversations/{conversationId}/stream", stream.Build());
        return app;
    }

    private static void Allow(CorsPolicyBuilder policy, string[] origins)
    {
        if (origins.Contains("*")) policy.AllowAnyOrigin();
        else policy.WithOrigins(origins);
        policy.AllowAnyHeader().AllowAnyMethod().SetPreflightMaxAge(TimeSpan.FromHours(1));
    }
}
