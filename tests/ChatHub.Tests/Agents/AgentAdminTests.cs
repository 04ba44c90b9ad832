using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace GovAssistant.ChatHub.Tests.Agents;

public sealed class AgentAdminTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    [Fact]
    public async Task AnAdminCreatesAnAgentWhoCanThenLogIn()
    {
        using var admin = await host.AdminAsync();

        using var created = await admin.PostAsJsonAsync("/api/admin/agents", new
        {
            id = "zhang.min", name = "张敏", password = "Plum-blossom-7731", departments = new[] { "公安局户政管理部门", "人社局" },
            roles = new[] { "agent" }, capacity = 3,
        });
        var account = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("zhang.min", account["id"]!.GetValue<string>());
        Assert.False(account["disabled"]!.GetValue<bool>());

        using var client = host.NewClient();
        var me = await (await client.LoginAsync("zhang.min", "Plum-blossom-7731")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("张敏", me["name"]!.GetValue<string>());
        Assert.Equal(["公安局户政管理部门", "人社局"], me["departments"].Strings());
        Assert.Equal(["agent"], me["roles"].Strings());
        Assert.Equal(3, me["capacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task AccountChangesAreAuditedWithoutThePassword()
    {
        using var admin = await host.AdminAsync();

        using var created = await admin.PostAsJsonAsync("/api/admin/agents", new
        {
            id = "audit.li", name = "李审", password = "Fern-harbour-4410", departments = new[] { "医保局" }, roles = new[] { "editor" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var updated = await admin.PutAsJsonAsync("/api/admin/agents/audit.li", new { roles = new[] { "reviewer" }, password = "Fern-harbour-4411" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var entries = await host.Services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery(Target: "audit.li"));
        Assert.Equal(["agent.update", "agent.create"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("admin", e.Actor));
        Assert.Contains("roles=reviewer", entries[0].Detail);
        Assert.Contains("password changed", entries[0].Detail);
        Assert.DoesNotContain("Fern-harbour", string.Join("|", entries.Select(e => e.Detail)));
    }

    [Fact]
    public async Task AnEditorWithoutTheAgentRoleStillSeesTheirOwnSession()
    {
        using var editor = await host.AgentAsync("only.editor", "Lotus-bridge-6620", "editor");

        var me = await (await editor.GetAsync("/api/agents/me")).JsonAsync(HttpStatusCode.OK);
        using var accounts = await editor.GetAsync("/api/admin/agents");

        Assert.Equal(["editor"], me["roles"].Strings());
        Assert.Equal(HttpStatusCode.Forbidden, accounts.StatusCode);
    }

    [Fact]
    public async Task AnAgentWhoIsNotAnAdminGets403OnAccountManagement()
    {
        using var agent = await host.AgentAsync("plain.agent", "Copper-kettle-2290", "agent", "supervisor");

        using var list = await agent.GetAsync("/api/admin/agents");
        using var create = await agent.PostAsJsonAsync("/api/admin/agents",
            new { id = "sneaky", name = "x", password = "Copper-kettle-2291", departments = new[] { "*" }, roles = new[] { "admin" } });
        using var update = await agent.PutAsJsonAsync("/api/admin/agents/plain.agent", new { roles = new[] { "admin" } });

        Assert.Contains("权限", await list.DetailAsync(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
    }

    [Fact]
    public async Task AccountManagementIs401WhenNotSignedIn()
    {
        using var client = host.NewClient();

        using var response = await client.GetAsync("/api/admin/agents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("password", "\"Ab1-xyz\"")]
    [InlineData("password", "\"12345678\"")]
    [InlineData("password", "\"password\"")]
    [InlineData("id", "\"Bad Id!\"")]
    [InlineData("id", "\"x\"")]
    [InlineData("roles", "[\"boss\"]")]
    [InlineData("roles", "[]")]
    [InlineData("capacity", "0")]
    [InlineData("capacity", "51")]
    [InlineData("departments", "[]")]
    [InlineData("name", "\"  \"")]
    [InlineData("name", "\"\\u0000\\u200b\"")]
    [InlineData("departments", "[\"\\u0000\"]")]
    public async Task AnInvalidFieldIs400WithAChineseDetailNamingIt(string field, string value)
    {
        using var admin = await host.AdminAsync();
        var body = new JsonObject
        {
            ["id"] = "valid.id", ["name"] = "李雷", ["password"] = "Maple-window-6620",
            ["departments"] = new JsonArray("人社局"), ["roles"] = new JsonArray("agent"), ["capacity"] = 5,
        };
        body[field] = JsonNode.Parse(value);

        using var response = await admin.PostAsync("/api/admin/agents", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem["detail"]!.GetValue<string>());
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        using var list = await admin.GetAsync("/api/admin/agents");
        Assert.DoesNotContain("valid.id", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryInvalidFieldIsReportedAtOnce()
    {
        using var admin = await host.AdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/admin/agents",
            new { id = "X", name = "", password = "short", departments = Array.Empty<string>(), roles = new[] { "boss" }, capacity = 0 });

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["id", "name", "password", "departments", "roles", "capacity"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task ADuplicateIdIs409()
    {
        using var admin = await host.AdminAsync();
        var account = new { id = "twice", name = "王芳", password = "Lantern-field-3308", departments = new[] { "*" }, roles = new[] { "agent" } };
        (await admin.PostAsJsonAsync("/api/admin/agents", account)).Dispose();

        using var again = await admin.PostAsJsonAsync("/api/admin/agents", account with { });
        using var bootstrapId = await admin.PostAsJsonAsync("/api/admin/agents", new { id = "admin", account.name, account.password, account.departments, account.roles });

        Assert.Contains("twice", await again.DetailAsync(HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Conflict, bootstrapId.StatusCode);
    }

    [Fact]
    public async Task AnUpdateReachesTheAgentsOpenSession()
    {
        using var agent = await host.AgentAsync("promoted", "Silver-maple-4417", "agent");
        using var admin = await host.AdminAsync();

        using var update = await admin.PutAsJsonAsync("/api/admin/agents/promoted",
            new { name = "赵强", roles = new[] { "agent", "supervisor" }, departments = new[] { "*" }, capacity = 9 });
        await update.JsonAsync(HttpStatusCode.OK);

        var me = await (await agent.GetAsync("/api/agents/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("赵强", me["name"]!.GetValue<string>());
        Assert.Equal(["agent", "supervisor"], me["roles"].Strings());
        Assert.Equal(["*"], me["departments"].Strings());
        Assert.Equal(9, me["capacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task DisablingAnAccountEndsItsSessionAndRefusesItsLogin()
    {
        using var agent = await host.AgentAsync("leaving", "Harbor-light-8802", "agent");
        using var admin = await host.AdminAsync();

        (await admin.PutAsJsonAsync("/api/admin/agents/leaving", new { disabled = true })).EnsureSuccessStatusCode();

        using var me = await agent.GetAsync("/api/agents/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using var login = await host.NewClient().LoginAsync("leaving", "Harbor-light-8802");
        Assert.Contains("停用", await login.DetailAsync(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task ANewPasswordEndsOldSessionsAndReplacesTheOldPassword()
    {
        using var agent = await host.AgentAsync("rotated", "Amber-valley-1187", "agent");
        using var admin = await host.AdminAsync();

        (await admin.PutAsJsonAsync("/api/admin/agents/rotated", new { password = "Cedar-summit-5590" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync("/api/agents/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.NewClient().LoginAsync("rotated", "Amber-valley-1187")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.NewClient().LoginAsync("rotated", "Cedar-summit-5590")).StatusCode);
    }

    [Fact]
    public async Task AnUpdateIsValidatedLikeACreate()
    {
        using var admin = await host.AdminAsync();

        using var capacity = await admin.PutAsJsonAsync("/api/admin/agents/admin", new { capacity = 0 });
        using var password = await admin.PutAsJsonAsync("/api/admin/agents/admin", new { password = "12345678" });
        using var unknown = await admin.PutAsJsonAsync("/api/admin/agents/no.such.agent", new { capacity = 3 });

        Assert.Contains("同时接待数", await capacity.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("密码", await password.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("no.such.agent", await unknown.DetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task TheLastEnabledAdminCannotBeDisabledOrDemoted()
    {
        using var admin = await host.AdminAsync();

        using var disable = await admin.PutAsJsonAsync("/api/admin/agents/admin", new { disabled = true });
        using var demote = await admin.PutAsJsonAsync("/api/admin/agents/admin", new { roles = new[] { "agent" } });

        Assert.Contains("管理员", await disable.DetailAsync(HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/agents/me")).StatusCode);
    }

    [Fact]
    public async Task AnAdminChangingTheirOwnDetailsStaysSignedIn()
    {
        using var admin = await host.AdminAsync();

        (await admin.PutAsJsonAsync("/api/admin/agents/admin", new { name = "系统管理员" })).EnsureSuccessStatusCode();

        var me = await (await admin.GetAsync("/api/agents/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("系统管理员", me["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheAccountListNeverShowsPasswordsOrHashes()
    {
        using var admin = await host.AdminAsync();
        (await admin.PostAsJsonAsync("/api/admin/agents",
            new { id = "listed", name = "刘洋", password = "Willow-creek-9034", departments = new[] { "*" }, roles = new[] { "agent" } })).Dispose();

        using var response = await admin.GetAsync("/api/admin/agents");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = JsonNode.Parse(text)!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("admin", ids);
        Assert.Contains("listed", ids);
        Assert.DoesNotContain("Willow-creek-9034", text);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
    }
}
