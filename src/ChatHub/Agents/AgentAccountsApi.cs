using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Service;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Staff session (<c>/api/agents/login|logout|me</c>) and account management for admins (<c>/api/admin/agents</c>).
/// </summary>
internal static class AgentAccountsApi
{
    private const long MaxBodyBytes = 16 * 1024;
    private const string LoginExample = """{"username":"zhang.min","password":"…"}""";
    private const string CreateExample = """{"username":"zhang.min","name":"张敏","password":"…","departments":["公安局户政管理部门"],"roles":["agent"],"capacity":5}""";
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
        session.MapGet("/me", (HttpContext http, ServiceTimeZone zone) => Results.Ok(AgentSessionView.Of(http.User, zone)))
            .RequireAuthorization(AgentAuth.StaffPolicy).WithMetadata(new AllowPendingPasswordChange());
        session.MapOwnPassword();

        var admin = app.MapGroup("/api/admin/agents").RequireAuthorization(AgentAuth.AdminPolicy);
        admin.MapGet("/", async (AgentAccountStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(ct)).Select(AgentAccountView.Of)));
        admin.MapPost("/", CreateAsync);
        admin.MapPut("/{id}", UpdateAsync);
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, AgentAccountStore store, LoginThrottle throttle, PasswordCheckGate gate,
        ServiceTimeZone zone, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<LoginRequest>(http.Request, MaxBodyBytes, LoginExample);
        if (error is not null) return error;
        var username = body!.Username?.Trim().ToLowerInvariant() ?? "";
        if (username.Length == 0 || string.IsNullOrEmpty(body.Password)) return Problems.BadRequest("请输入用户名和密码。");

        var address = Limits.ClientLimitsServiceCollectionExtensions.ClientAddress(http);
        if (await throttle.RetryAfterAsync(username, address) is { } wait) return LoginThrottled(http, wait);

        var (ran, account) = await gate.RunAsync(() => store.VerifyPasswordAsync(username, body.Password, ct), ct);
        if (!ran)
            return Results.Problem(detail: "登录人数较多，请稍后再试。", statusCode: StatusCodes.Status503ServiceUnavailable, title: "请稍后再试");
        if (account is null)
        {
            await throttle.FailedAsync(username, address);
            return Results.Problem(detail: "用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        }
        await throttle.SucceededAsync(username, address);
        if (account.Disabled)
            return Results.Problem(detail: "该账号已停用，请联系管理员。", statusCode: StatusCodes.Status403Forbidden, title: "登录失败");

        var principal = AgentAuth.PrincipalFor(account);
        await http.SignInAsync(AgentAuth.Scheme, principal);
        // Where to go next is checked here, not in the page: only a path on this site (Security/LocalReturnUrl).
        return Results.Ok(AgentSessionView.Of(principal, zone) with { ReturnUrl = Security.LocalReturnUrl.Of(body.ReturnUrl) });
    }

    private static IResult LoginThrottled(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var after = seconds < 60 ? $"{seconds} 秒" : $"{(int)Math.Ceiling(seconds / 60.0)} 分钟";
        return Results.Problem(detail: $"登录失败次数过多，请 {after}后再试。", statusCode: StatusCodes.Status429TooManyRequests, title: "请稍后再试");
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, AgentAccountStore store, AuditLog audit, IOptions<AgentAccountOptions> options, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateAgentRequest>(http.Request, MaxBodyBytes, CreateExample);
        if (error is not null) return error;
        var capacity = body!.Capacity ?? AgentAccountRules.DefaultCapacity;
        // The login name is "username" (as at sign-in); "id" is its older spelling, still accepted.
        var id = body.Username ?? body.Id;
        if (body.Username is not null && body.Id is not null && body.Username != body.Id)
            return Problems.BadRequest("username 与 id 不一致：只需提供 username（登录名）。");
        // No password given: a temporary one, shown once in the answer, which the holder must replace at first sign-in.
        var temporary = body.Password is null ? AgentBootstrap.RandomPassword() : null;
        var password = body.Password ?? temporary!;
        var invalid = Invalid(
            (body.Username is null ? "id" : "username", AgentAccountRules.CheckId(id)),
            ("name", AgentAccountRules.CheckName(body.Name)),
            ("password", AgentAccountRules.CheckPassword(password, id)),
            ("departments", AgentAccountRules.CheckDepartments(body.Departments)),
            ("roles", AgentAccountRules.CheckRoles(body.Roles)),
            ("capacity", AgentAccountRules.CheckCapacity(capacity)));
        if (invalid is not null) return invalid;

        var profile = new AgentProfile(id!, body.Name!.Trim(), body.Departments!, body.Roles!, capacity);
        if (!await store.CreateAsync(profile, password, options.Value.RequirePasswordChange, ct))
            return Results.Problem(detail: $"账号“{id}”已存在。", statusCode: StatusCodes.Status409Conflict, title: "账号已存在");
        await audit.RecordAsync(AgentAuth.ProfileOf(http.User).Id, "agent.create", profile.Id,
            $"roles={string.Join(',', profile.Roles)}; departments={string.Join(',', profile.Departments)}; capacity={profile.Capacity}", ct);
        var created = await store.GetAsync(profile.Id, ct);
        return Results.Created($"/api/admin/agents/{profile.Id}", AgentAccountView.Of(created!) with { TemporaryPassword = temporary });
    }

    private static async Task<IResult> UpdateAsync(
        string id, HttpContext http, AgentAccountStore store, AuditLog audit, IOptions<AgentAccountOptions> options, CancellationToken ct)
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

        var self = AgentAuth.ProfileOf(http.User).Id == id;
        // A password an admin sets for someone else is a temporary one: its holder must replace it at next sign-in.
        bool? mustChange = body.Password is null ? null : !self && options.Value.RequirePasswordChange;
        var changes = new AgentAccountChanges(body.Name, body.Departments, body.Roles, body.Capacity, body.Disabled, body.Password, mustChange);
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
