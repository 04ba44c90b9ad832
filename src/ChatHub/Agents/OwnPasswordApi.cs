using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using Microsoft.AspNetCore.Authentication;

namespace GovAssistant.ChatHub.Agents;

/// <summary><c>POST /api/agents/me/password</c>: any staff member replaces their own password (current + new).</summary>
internal static class OwnPasswordApi
{
    private const long MaxBodyBytes = 16 * 1024;
    private const string Example = """{"currentPassword":"…","newPassword":"…"}""";

    public static RouteHandlerBuilder MapOwnPassword(this RouteGroupBuilder session) =>
        session.MapPost("/me/password", ChangeAsync).RequireAuthorization(AgentAuth.StaffPolicy).WithMetadata(new AllowPendingPasswordChange());

    private static async Task<IResult> ChangeAsync(HttpContext http, AgentAccountStore store, LoginThrottle throttle, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<ChangePasswordRequest>(http.Request, MaxBodyBytes, Example);
        if (error is not null) return error;
        var id = AgentAuth.ProfileOf(http.User).Id;
        if (string.IsNullOrEmpty(body!.CurrentPassword)) return Problems.BadRequest("请输入当前密码。");

        // The current password is a second proof: an unattended, signed-in browser cannot be used to take the account.
        var address = Limits.ClientLimitsServiceCollectionExtensions.ClientAddress(http);
        if (await throttle.RetryAfterAsync(id, address) is not null)
            return Results.Problem(detail: "密码错误次数过多，请稍后再试。", statusCode: StatusCodes.Status429TooManyRequests, title: "请稍后再试");
        if (await store.VerifyPasswordAsync(id, body.CurrentPassword, ct) is null)
        {
            await throttle.FailedAsync(id, address);
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["当前密码不正确。"] },
                detail: "当前密码不正确。", title: "请求有误");
        }
        await throttle.SucceededAsync(id, address);
        var weak = AgentAccountRules.CheckPassword(body.NewPassword, id)
            ?? (body.NewPassword == body.CurrentPassword ? "新密码不能与当前密码相同。" : null);
        if (weak is not null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [weak] }, detail: weak, title: "请求有误");

        if (await store.UpdateAsync(id, new AgentAccountChanges(Password: body.NewPassword, MustChangePassword: false), ct) != AgentUpdateResult.Updated)
            return Problems.NotFound("账号不存在。");
        await audit.RecordAsync(id, "agent.password", id, "own password changed", ct);
        // The new security stamp ends every other session; this one continues with the new stamp.
        var account = (await store.GetAsync(id, ct))!;
        await http.SignInAsync(AgentAuth.Scheme, AgentAuth.PrincipalFor(account));
        return Results.NoContent();
    }
}

/// <summary><c>POST /api/agents/me/password</c> body.</summary>
internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
