using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.Agents;

/// <summary>
/// With the rule on (the default outside the test hosts), a password someone else set — the first admin's, or a
/// temporary one from an admin — reaches nothing but the password change until its holder chooses their own.
/// </summary>
public sealed class PasswordChangeTests : IAsyncLifetime
{
    private const string NewAdminPassword = "Harbour-Lantern-7731";
    private readonly ConversationHost _host = new(settings: new Dictionary<string, string> { ["Agents:RequirePasswordChange"] = "true" });

    public Task InitializeAsync()
    {
        _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheBootstrapAdminMustChangeThePasswordBeforeUsingAnythingElse()
    {
        using var admin = await _host.SignInAsync("admin");
        var me = await (await admin.Http.GetAsync("/api/agents/me")).JsonAsync(HttpStatusCode.OK);
        Assert.True(me["mustChangePassword"]!.GetValue<bool>());
        Assert.Equal("Asia/Shanghai", me["timeZone"]!.GetValue<string>());

        foreach (var path in new[] { "/api/admin/agents", "/api/admin/bank/entries", "/api/departments", "/api/admin/insights/dashboard" })
        {
            using var refused = await admin.Http.GetAsync(path);
            var problem = await refused.JsonAsync(HttpStatusCode.Forbidden);
            Assert.Equal("passwordChangeRequired", problem["code"]!.GetValue<string>());
            Assert.Contains("修改密码", problem["detail"]!.GetValue<string>());
        }
        using (var hub = await admin.Http.PostAsync("/hubs/agent/negotiate?negotiateVersion=1", null))
            Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);

        // Wrong current password, then a weak new one: both refused in Chinese, naming the field.
        var wrong = await admin.Http.PostAsJsonAsync("/api/agents/me/password", new { currentPassword = "nope-nope-1", newPassword = NewAdminPassword });
        Assert.Contains("当前密码不正确", await wrong.DetailAsync(HttpStatusCode.BadRequest));
        var weak = await admin.Http.PostAsJsonAsync("/api/agents/me/password", new { currentPassword = ConversationHost.AdminPassword, newPassword = "12345678" });
        Assert.Contains("密码过于简单", await weak.DetailAsync(HttpStatusCode.BadRequest));

        var changed = await admin.Http.PostAsJsonAsync("/api/agents/me/password", new { currentPassword = ConversationHost.AdminPassword, newPassword = NewAdminPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        // The same session goes on, now everywhere; the old password no longer signs in; the change is audited.
        Assert.False((await (await admin.Http.GetAsync("/api/agents/me")).JsonAsync(HttpStatusCode.OK))["mustChangePassword"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/admin/agents")).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.LoginAsync("admin", ConversationHost.AdminPassword)).StatusCode);
        var audit = await admin.Http.GetStringAsync("/api/admin/audit?action=agent.password");
        Assert.Contains("agent.password", audit);
    }

    [Fact]
    public async Task AnAccountCreatedWithoutPasswordGetsATemporaryOneItsHolderMustReplace()
    {
        using var admin = await ChangedAdminAsync();

        // "username" is the login name; no "id", no password: the answer carries a temporary password, once.
        var created = await (await admin.Http.PostAsJsonAsync("/api/admin/agents", new
        {
            username = "li.na", name = "李娜", departments = new[] { "人力资源和社会保障局" }, roles = new[] { "agent" },
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("li.na", created["id"]!.GetValue<string>());
        Assert.True(created["temporaryCredentials"]!.GetValue<bool>());
        var temporary = created["temporaryPassword"]!.GetValue<string>();
        Assert.DoesNotContain("temporaryPassword", await admin.Http.GetStringAsync("/api/admin/agents"));

        using var agent = await _host.SignInAsync("li.na", temporary);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/api/departments")).StatusCode);
        var changed = await agent.Http.PostAsJsonAsync("/api/agents/me/password", new { currentPassword = temporary, newPassword = "Willow-Canal-5820" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync("/api/departments")).StatusCode);

        // An admin resetting it makes it temporary again.
        var reset = await admin.Http.PutAsJsonAsync("/api/admin/agents/li.na", new { password = "Orchid-Bridge-4417" });
        Assert.True((await reset.JsonAsync(HttpStatusCode.OK))["temporaryCredentials"]!.GetValue<bool>());
    }

    private async Task<StaffSession> ChangedAdminAsync()
    {
        var admin = await _host.SignInAsync("admin");
        var changed = await admin.Http.PostAsJsonAsync("/api/agents/me/password", new { currentPassword = ConversationHost.AdminPassword, newPassword = NewAdminPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        return admin;
    }
}
