using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// Who calls a Direct Line endpoint, from <c>Authorization: Bearer …</c>: a site's secret (any Direct Line
/// conversation) or a token (its one conversation). Missing credentials are 401; wrong or expired ones 403, as the
/// Direct Line service answers and as Web Chat expects (it stops retrying on 403).
/// </summary>
internal sealed record DirectLineCaller(bool IsSecret, DirectLineGrant? Grant)
{
    public static (DirectLineCaller? Caller, IResult? Refused) Of(HttpRequest request, DirectLineTokens tokens)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "未认证",
                detail: "缺少凭证：请在请求头中提供 Authorization: Bearer <Direct Line 密钥或 token>。"));
        var credential = header["Bearer ".Length..].Trim();
        if (credential.Length > 0 && tokens.IsSecret(credential)) return (new DirectLineCaller(true, null), null);
        return tokens.Validate(credential) is { } grant
            ? (new DirectLineCaller(false, grant), null)
            : (null, Forbidden("Direct Line 密钥或 token 无效或已过期，请重新获取 token。"));
    }

    /// <summary>The conversation the caller may act in, or the refusal (401, 403, 404).</summary>
    public static async Task<(Conversation? Conversation, IResult? Refused)> ConversationAsync(
        HttpRequest request, string conversationId, DirectLineTokens tokens, ConversationService conversations)
    {
        var (caller, refused) = Of(request, tokens);
        if (refused is not null) return (null, refused);
        var ct = request.HttpContext.RequestAborted;
        if (caller!.Grant is { } grant)
        {
            if (grant.ConversationId != conversationId) return (null, Forbidden("该 token 只能访问签发它的会话。"));
            return (await conversations.GetForVisitorAsync(grant.ConversationId, grant.VisitorId, ct), null);
        }
        var conversation = ConversationIds.IsValid(conversationId) ? await conversations.GetOnChannelAsync(conversationId, DirectLineChannel.Name, ct) : null;
        return conversation is null
            ? (null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: "会话不存在。"))
            : (conversation, null);
    }

    public static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "没有权限", detail: detail);
}
