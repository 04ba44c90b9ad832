using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// While a staff session carries <see cref="AgentAuth.MustChangePasswordClaim"/> (first admin, temporary password),
/// every authorized endpoint and hub answers 403 with <c>code = passwordChangeRequired</c>, except those marked
/// <see cref="AllowPendingPasswordChange"/> (who am I, change my password). One gate after authorization, so every
/// policy — today's and those added later — is covered without repeating the rule in each.
/// </summary>
internal sealed class PasswordChangeGate : IAuthorizationMiddlewareResultHandler
{
    public const string ProblemCode = "passwordChangeRequired";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded && context.User.HasClaim(AgentAuth.MustChangePasswordClaim, "true")
            && context.GetEndpoint()?.Metadata.GetMetadata<AllowPendingPasswordChange>() is null)
        {
            return Results.Problem(
                detail: "首次登录或管理员重置密码后，须先修改密码才能继续使用。请前往“修改密码”页面（/agent/password.html）设置新密码。",
                statusCode: StatusCodes.Status403Forbidden, title: "请先修改密码",
                extensions: new Dictionary<string, object?> { ["code"] = ProblemCode }).ExecuteAsync(context);
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Endpoint metadata: reachable while the password must still be changed.</summary>
internal sealed class AllowPendingPasswordChange;
