using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using Microsoft.AspNetCore.Authentication;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Staff session (<c>/api/agents/login|logout|me</c>) and account management for admins (<c>/api/admin/agents</c>).
/// </summary>
internal static class AgentAccountsApi
{
    private const long MaxBodyBytes = 16 * 1024;
    private const string LoginExample = """{"username":"zhang.min","password":"…"}""";
    private const string CreateExample = """{"id":"zhang.min","name":"张敏","password":"…","departments":["公安局户政管理部门"],"roles":["agent"],"capacity":5}""";
    private const string UpdateExample = """{"name":"张敏","departments":["*"],"roles":["agent","supervisor"],"capacity":8,"disabled":false}""";

    public static IEndpointRouteBuilder MapAgentAccountsApi(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/agents");
        session.MapPost("/login", LoginAsync).AllowAnonymous();
        session.MapPost("/logout", async (HttpContext http, AgentAccountStore store) =>
        {
            // Ends the session on the server too: a copy of the cookie taken before logout is refused afterwards.
            if ((await http.AuthenticateAsync(AgentAuth.Scheme)).Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier) is { } id)
                await store.EndSessionsAsync(id.Value);
            await http.SignOutAsync(AgentAuth.Scheme);
            return Results.NoContent();
        }).AllowAnonymous();
        session.MapGet("/me", (HttpContext http) => Results.Ok(AgentSessionView.Of(AgentAuth.ProfileOf(http.User))))
            .RequireAuthorization(AgentAuth.StaffPolicy);

        var admin = app.MapGroup("/api/admin/agents").RequireAuthorization(AgentAuth.AdminPolicy);
        admin.MapGet("/", async (AgentAccountStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(ct)).Select(AgentAccountView.Of)));
        admin.MapPost("/", CreateAsync);
        admin.MapPut("/{id}", UpdateAsync);
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, AgentAccountStore store, LoginThrottle throttle, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<LoginRequest>(http.Request, MaxBodyBytes, LoginExample);
        if (error is not null) return error;
        var username = body!.Username?.Trim().ToLowerInvariant() ?? "";
        if (username.Length == 0 || string.IsNullOrEmpty(body.Password)) return Problems.BadRequest("请输入用户名和密码。");

        if (throttle.RetryAfter(username) is { } wait)
        {
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(detail: $"登录失败次数过多，该账号已暂时锁定，请 {minutes} 分钟后再试。",
                statusCode: StatusCodes.Status429TooManyRequests, title: "请稍后再试");
        }

        var account = await store.VerifyPasswordAsync(username, body.Password, ct);
        if (account is null)
        {
            throttle.Failed(username);
            return Results.Problem(detail: "用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        }
        throttle.Succeeded(username);
        if (account.Disabled)
            return Results.Problem(detail: "该账号已停用，请联系管理员。", statusCode: StatusCodes.Status403Forbidden, title: "登录失败");

        await http.SignInAsync(AgentAuth.Scheme, AgentAuth.PrincipalFor(account));
        return Results.Ok(LoginView.Of(account.Profile, body.ReturnUrl));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, AgentAccountStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateAgentRequest>(http.Request, MaxBodyBytes, CreateExample);
        if (error is not null) return error;
        var capacity = body!.Capacity ?? AgentAccountRules.DefaultCapacity;
        var invalid = Invalid(
            ("id", AgentAccountRules.CheckId(body.Id)),
            ("name", AgentAccountRules.CheckName(body.Name)),
            ("password", AgentAccountRules.CheckPassword(body.Password, body.Id)),
            ("departments", AgentAccountRules.CheckDepartments(body.Departments)),
            ("roles", AgentAccountRules.CheckRoles(body.Roles)),
            ("capacity", AgentAccountRules.CheckCapacity(capacity)));
        if (invalid is not null) return invalid;

        var profile = new AgentProfile(body.Id!, body.Name!.Trim(), body.Departments!, body.Roles!, capacity);
        if (!await store.CreateAsync(profile, body.Password!, ct))
            return Results.Problem(detail: $"账号“{body.Id}”已存在。", statusCode: StatusCodes.Status409Conflict, title: "账号已存在");
        await audit.RecordAsync(AgentAuth.ProfileOf(http.User).Id, "agent.create", profile.Id,
            $"roles={string.Join(',', profile.Roles)}; departments={string.Join(',', profile.Departments)}; capacity={profile.Capacity}", ct);
        var created = await store.GetAsync(profile.Id, ct);
        return Results.Created($"/api/admin/agents/{profile.Id}", AgentAccountView.Of(created!));
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, AgentAccountStore store, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<UpdateAgentRequest>(http.Request, MaxBodyBytes, UpdateExample);
        if (error is not null) return error;
        var invalid = Invalid(
            ("name", body!.Name is null ? null : AgentAccountRules.CheckName(body.Name)),
            ("password", body.Password is null ? null : AgentAccountRules.CheckPassword(body.Password, id)),
            ("departments", body.Departments is null ? null : AgentAccountRules.CheckDepartments(body.Departments)),
            ("roles", body.Roles is null ? null : AgentAccountRules.CheckRoles(body.Roles)),
            ("capacity", body.Capacity is not { } c ? null : AgentAccountRules.CheckCapacity(c)));
        if (invalid is not null) return invalid;

        var changes = new AgentAccountChanges(body.Name, body.Departments, body.Roles, body.Capacity, body.Disabled, body.Password);
        switch (await store.UpdateAsync(id, changes, ct))
        {
            case AgentUpdateResult.NotFound:
                return Problems.NotFound($"没有账号“{id}”。");
            case AgentUpdateResult.LastAdmin:
                return Results.Problem(detail: "至少要保留一个未停用的管理员账号，此修改会让系统无人可管理账号。",
                    statusCode: StatusCodes.Status409Conflict, title: "无法修改");
        }
        await audit.RecordAsync(AgentAuth.ProfileOf(http.User).Id, "agent.update", id, ChangedFields(body), ct);
        var updated = (await store.GetAsync(id, ct))!;
        // An admin who changed their own password keeps working: the new stamp would otherwise end this very session.
        if (!updated.Disabled && AgentAuth.ProfileOf(http.User).Id == id)
            await http.SignInAsync(AgentAuth.Scheme, AgentAuth.PrincipalFor(updated));
        return Results.Ok(AgentAccountView.Of(updated));
    }

    // Which fields an update touched (never the password itself).
    private static string ChangedFields(UpdateAgentRequest body) => string.Join("; ", new[]
    {
        body.Name is null ? null : $"name={body.Name}",
        body.Departments is null ? null : $"departments={string.Join(',', body.Departments)}",
        body.Roles is null ? null : $"roles={string.Join(',', body.Roles)}",
        body.Capacity is null ? null : $"capacity={body.Capacity}",
        body.Disabled is null ? null : $"disabled={body.Disabled}",
        body.Password is null ? null : "password changed",
    }.Where(x => x is not null));

    // One 400 naming every invalid field: the detail lists the messages, "errors" maps field → message.
    private static IResult? Invalid(params (string Field, string? Message)[] checks)
    {
        var errors = checks.Where(c => c.Message is not null).ToDictionary(c => c.Field, c => new[] { c.Message! });
        return errors.Count == 0 ? null
            : Results.ValidationProblem(errors, detail: string.Join("", errors.Values.Select(m => m[0])), title: "请求有误");
    }
}
