using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Hubs;
using GovAssistant.ChatHub.Limits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST endpoints under <c>/v3/directline</c> (docs/directline.md). Thin: authenticate the secret
/// or token, validate the body, call <see cref="ConversationService"/>, translate its messages into activities.
/// </summary>
internal static class DirectLineApi
{
    private const long MaxBodyBytes = 32 * 1024;
    private const string UserExample = """{"user":{"id":"user1","name":"张三"}}""";

    public static RouteGroupBuilder MapDirectLineApi(this RouteGroupBuilder api)
    {
        api.MapPost("/tokens/generate", GenerateTokenAsync);
        api.MapPost("/tokens/refresh", RefreshToken);
        api.MapPost("/conversations", StartConversationAsync);
        api.MapGet("/conversations/{conversationId}", ReconnectAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync)
            .RequireDirectLineLimit();
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        api.MapPost("/conversations/{conversationId}/upload", () => Problems.BadRequest("暂不支持上传附件，请直接输入文字。"));
        return api;
    }

    /// <summary>Secret → a token for a new conversation (the conversation starts now, greeted by the bot).</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineTokens tokens, ConversationService conversations)
    {
        var (caller, refused) = DirectLineCaller.Of(request, tokens);
        if (refused is not null) return refused;
        if (!caller!.IsSecret) return DirectLineCaller.Forbidden("只有 Direct Line 密钥才能生成 token。");
        var (user, bad) = await ReadUserAsync(request);
        if (bad is not null) return bad;
        var conversation = await conversations.StartAsync(DirectLineUsers.VisitorIdFor(user?.Id), DirectLineChannel.Name, request.HttpContext.RequestAborted);
        var (token, expiresIn) = tokens.Issue(conversation.Id, conversation.VisitorId);
        return Results.Json(new DirectLineConversation(conversation.Id, token, expiresIn), DirectLineJson.Options);
    }

    /// <summary>Token → a fresh token for the same conversation (Web Chat calls this every 15 minutes).</summary>
    private static IResult RefreshToken(HttpRequest request, DirectLineTokens tokens)
    {
        var (caller, refused) = DirectLineCaller.Of(request, tokens);
        if (refused is not null) return refused;
        if (caller!.Grant is not { } grant) return DirectLineCaller.Forbidden("刷新需要 token，而不是密钥。");
        var (token, expiresIn) = tokens.Issue(grant.ConversationId, grant.VisitorId);
        return Results.Json(new DirectLineConversation(grant.ConversationId, token, expiresIn), DirectLineJson.Options);
    }

    /// <summary>Secret → a new conversation; token → the token's conversation. Both with a token and a streamUrl.</summary>
    private static async Task<IResult> StartConversationAsync(HttpRequest request, DirectLineTokens tokens, ConversationService conversations)
    {
        var (caller, refused) = DirectLineCaller.Of(request, tokens);
        if (refused is not null) return refused;
        var (user, bad) = await ReadUserAsync(request);
        if (bad is not null) return bad;
        Conversation conversation;
        if (caller!.Grant is { } grant)
            conversation = await conversations.GetForVisitorAsync(grant.ConversationId, grant.VisitorId, request.HttpContext.RequestAborted);
        else
            conversation = await conversations.StartAsync(DirectLineUsers.VisitorIdFor(user?.Id), DirectLineChannel.Name, request.HttpContext.RequestAborted);
        return Results.Json(Connection(request, tokens, conversation, null), DirectLineJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Reconnect: a new streamUrl that resumes after <c>watermark</c>, and a fresh token.</summary>
    private static async Task<IResult> ReconnectAsync(HttpRequest request, string conversationId, string? watermark, DirectLineTokens tokens, ConversationService conversations)
    {
        var (conversation, refused) = await DirectLineCaller.ConversationAsync(request, conversationId, tokens, conversations);
        if (refused is not null) return refused;
        if (!ActivityIds.TryParseWatermark(watermark, out var after)) return Problems.BadRequest("watermark 无效：应为服务返回的数字。");
        return Results.Json(Connection(request, tokens, conversation!, after), DirectLineJson.Options);
    }

    private static async Task<IResult> PostActivityAsync(
        HttpRequest request, string conversationId, DirectLineTokens tokens, ConversationService conversations,
        IOptions<ConversationOptions> options, IHubContext<AgentHub, IAgentClient> agents)
    {
        var (conversation, refused) = await DirectLineCaller.ConversationAsync(request, conversationId, tokens, conversations);
        if (refused is not null) return refused;
        var (activity, bad) = await JsonBody.ReadAsync<IncomingActivity>(request, MaxBodyBytes, IncomingActivity.Example);
        if (bad is not null) return bad;
        if (activity!.Problem(options.Value.MaxMessageLength) is { } problem) return Problems.BadRequest(problem);

        var ct = request.HttpContext.RequestAborted;
        switch (activity.Type)
        {
            case ActivityTypes.Typing:
                // Agents see "正在输入"; typing is not stored, so its id is not a message's.
                await agents.Clients.Group(HubGroups.Agents(conversation!.Id)).VisitorTyping(conversation.Id);
                return Results.Json(new ResourceResponse($"{conversation.Id}|typing"), DirectLineJson.Options);
            case ActivityTypes.Event:
                return Results.Json(new ResourceResponse($"{conversation!.Id}|event"), DirectLineJson.Options);
        }

        var text = activity.Text?.Trim() ?? "";
        var echo = MessageActivities.EchoData(activity);
        var rating = activity.RatingValue ?? RatingWords.Parse(text);
        var stored = conversation!.State == ConversationState.Closed && conversation.Rating is null && rating is { } r
            ? await conversations.VisitorRatesInWordsAsync(conversation.Id, conversation.VisitorId, text.Length > 0 ? text : RatingLabels.Of(r), r, echo, ct)
            : (await conversations.VisitorSaysAsync(conversation.Id, conversation.VisitorId, text, ct, echo))[0];
        return Results.Json(new ResourceResponse(ActivityIds.Of(conversation.Id, stored.Seq)), DirectLineJson.Options);
    }

    /// <summary>Polling: the activities after <c>watermark</c>, at most <see cref="DirectLineOptions.MaxActivitiesPerSet"/>.</summary>
    private static async Task<IResult> GetActivitiesAsync(
        HttpRequest request, string conversationId, string? watermark, DirectLineTokens tokens, ConversationService conversations,
        IOptions<DirectLineOptions> options)
    {
        var (conversation, refused) = await DirectLineCaller.ConversationAsync(request, conversationId, tokens, conversations);
        if (refused is not null) return refused;
        if (!ActivityIds.TryParseWatermark(watermark, out var after)) return Problems.BadRequest("watermark 无效：应为服务返回的数字。");
        var messages = (await conversations.HistoryForVisitorAsync(conversation!.Id, conversation.VisitorId, after ?? 0, request.HttpContext.RequestAborted))
            .Take(Math.Max(1, options.Value.MaxActivitiesPerSet)).ToList();
        var activities = new List<Activity>();
        if (after is null) activities.Add(MessageActivities.Started(conversation.Id, conversation.VisitorId, conversation.CreatedAt));
        if (messages.Count > 0) activities.AddRange(DirectLineStream.ActivitySetOf(messages).Activities);
        var next = messages.Count > 0 ? ActivityIds.Watermark(messages[^1].Seq) : ActivityIds.Watermark(after ?? 0);
        return Results.Json(new ActivitySet(activities, next), DirectLineJson.Options);
    }

    private static DirectLineConversation Connection(HttpRequest request, DirectLineTokens tokens, Conversation conversation, long? watermark)
    {
        var (token, expiresIn) = tokens.Issue(conversation.Id, conversation.VisitorId);
        var ticket = tokens.IssueStreamTicket(conversation.Id, conversation.VisitorId);
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = watermark is null ? "" : $"watermark={ActivityIds.Watermark(watermark.Value)}&";
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}{DirectLineChannel.Prefix}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?{query}t={Uri.EscapeDataString(ticket)}";
        return new DirectLineConversation(conversation.Id, token, expiresIn, streamUrl);
    }

    /// <summary>The optional <c>{ "user": { "id", "name" } }</c> body of the token and conversation endpoints.</summary>
    private static async Task<(DirectLineUser? User, IResult? Error)> ReadUserAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType())) return (null, null);
        var (body, error) = await JsonBody.ReadAsync<UserBody>(request, MaxBodyBytes, UserExample);
        if (error is not null) return (null, error);
        if (body!.User is { } user && DirectLineUsers.Problem(user) is { } problem) return (null, Problems.BadRequest(problem));
        return (body.User, null);
    }

    private sealed record UserBody(DirectLineUser? User, string? Locale);
}
