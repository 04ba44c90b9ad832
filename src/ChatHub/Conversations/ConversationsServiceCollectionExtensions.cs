using Microsoft.AspNetCore.SignalR;
using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Hubs;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>Registers the conversation model, its store, presence and the SignalR hubs that carry it.</summary>
internal static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// Configuration:
    /// <code>"Conversations": { "NoAnswersBeforeEscalation": 2, "ServiceHours": "", "AnyDepartmentAfter": "00:02:00" }</code>
    /// </summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.NoAnswersBeforeEscalation >= 1, "Conversations:NoAnswersBeforeEscalation 至少为 1")
            .Validate(o => o.QueueReviewInterval > TimeSpan.Zero, "Conversations:QueueReviewInterval 必须大于 0")
            .ValidateOnStart();
        builder.Services.AddStore<IConversationStore, SqliteConversationStore, PostgresConversationStore>();
        builder.Services.AddSingleton<ConversationService>();
        builder.Services.AddSingleton<AgentPresence>();
        builder.Services.AddSingleton<AgentNames>();
        builder.Services.AddSingleton<IConversationObserver, SignalRBroadcaster>();
        // Announces waits that pass without an event: any-department fallback, ticket offer.
        builder.Services.AddHostedService<QueueWatcher>();
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.AddFilter<HubErrorFilter>();
        });
        // Hub arguments are read like request bodies: without U+0000, which PostgreSQL cannot store.
        builder.Services.Configure<Microsoft.AspNetCore.SignalR.JsonHubProtocolOptions>(o => o.PayloadSerializerOptions.Converters.Add(new Api.NulFreeStringConverter()));
        builder.Services.AddSingleton<Security.RefusalLog>();
        return builder;
    }

    /// <summary>Maps <c>/hubs/visitor</c> and <c>/hubs/agent</c>.</summary>
    public static IEndpointRouteBuilder MapConversationHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<VisitorHub>("/hubs/visitor");
        app.MapHub<AgentHub>("/hubs/agent");
        return app;
    }
}
