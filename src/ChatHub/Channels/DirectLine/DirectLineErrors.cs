using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>The conversation service's refusals as ProblemDetails with its Chinese message: 403, 409 or 400.</summary>
internal sealed class DirectLineErrors : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ConversationAccessException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "没有权限", detail: e.Message);
        }
        catch (IllegalTransitionException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "操作与会话状态不符", detail: e.Message);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }
}
