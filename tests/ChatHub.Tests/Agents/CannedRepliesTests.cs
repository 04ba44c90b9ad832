using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace GovAssistant.ChatHub.Tests.Agents;

public sealed class CannedRepliesTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    [Fact]
    public async Task AnAgentSeesTheirDepartmentsRepliesBeforeTheCommonOnes()
    {
        using var agent = await StaffAsync("canned.yb", "Quartz-lantern-5521", ["医疗保障局"], "agent");

        var replies = await RepliesAsync(agent, "医疗保障局");

        Assert.Contains("国家医保服务平台", replies[0]!["text"]!.GetValue<string>());
        Assert.Equal("医疗保障局", replies[0]!["department"]!.GetValue<string>());
        Assert.Contains(replies, r => r!["department"]!.GetValue<string>() == "" && r["text"]!.GetValue<string>().Contains("请稍等"));
        Assert.DoesNotContain(replies, r => r!["department"]!.GetValue<string>() == "出入境管理局");
    }

    [Fact]
    public async Task ASupervisorAddsAReplyThatOnlyTheirDepartmentSees()
    {
        using var supervisor = await StaffAsync("canned.sup", "Willow-anchor-8830", ["住房公积金管理中心"], "agent", "supervisor");
        using var other = await StaffAsync("canned.other", "Cedar-compass-1174", ["税务局"], "agent");

        using var created = await supervisor.PostAsJsonAsync("/api/canned-replies/manage",
            new { department = "住房公积金管理中心", text = "  公积金贷款额度以当地公积金中心核定为准。  " });
        var reply = await created.JsonAsync(HttpStatusCode.Created);

        Assert.Equal("公积金贷款额度以当地公积金中心核定为准。", reply["text"]!.GetValue<string>());
        Assert.Contains(await RepliesAsync(supervisor, "住房公积金管理中心"), r => r!["id"]!.GetValue<long>() == reply["id"]!.GetValue<long>());
        Assert.DoesNotContain(await RepliesAsync(other, "税务局"), r => r!["id"]!.GetValue<long>() == reply["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task AReplyJustAddedOrChangedComesBackEditableByTheSupervisorWhoWroteIt()
    {
        using var supervisor = await StaffAsync("canned.editable", "Aspen-harbor-5521", ["残疾人联合会"], "supervisor");

        var created = await (await supervisor.PostAsJsonAsync("/api/canned-replies/manage", new { department = "残疾人联合会", text = "残疾人证可在线申请。" }))
            .JsonAsync(HttpStatusCode.Created);
        var updated = await (await supervisor.PutAsJsonAsync($"/api/canned-replies/manage/{created["id"]!.GetValue<long>()}",
            new { department = "残疾人联合会", text = "残疾人证可在线或到社区申请。" })).JsonAsync(HttpStatusCode.OK);

        Assert.True(created["editable"]!.GetValue<bool>());
        Assert.True(updated["editable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ASupervisorOfAnotherDepartmentCannotChangeOrDeleteAReply()
    {
        using var owner = await StaffAsync("canned.owner", "Maple-ribbon-6612", ["民政局"], "supervisor");
        using var stranger = await StaffAsync("canned.stranger", "Birch-signal-4407", ["教育局"], "supervisor");
        var id = (await (await owner.PostAsJsonAsync("/api/canned-replies/manage", new { department = "民政局", text = "婚姻登记需预约。" }))
            .JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();

        using var update = await stranger.PutAsJsonAsync($"/api/canned-replies/manage/{id}", new { department = "民政局", text = "改掉" });
        using var delete = await stranger.DeleteAsync($"/api/canned-replies/manage/{id}");
        using var common = await stranger.PostAsJsonAsync("/api/canned-replies/manage", new { department = "", text = "通用" });

        Assert.Contains("民政局", await update.DetailAsync(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Contains("通用常用语", await common.DetailAsync(HttpStatusCode.Forbidden));
        Assert.Contains(await RepliesAsync(owner, "民政局"), r => r!["text"]!.GetValue<string>() == "婚姻登记需预约。");
    }

    [Fact]
    public async Task AnAgentWithoutTheSupervisorRoleCannotManageReplies()
    {
        using var agent = await StaffAsync("canned.plain", "Harbor-violet-3391", ["税务局"], "agent");

        using var list = await agent.GetAsync("/api/canned-replies/manage");
        using var create = await agent.PostAsJsonAsync("/api/canned-replies/manage", new { department = "税务局", text = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Theory]
    [InlineData("""{"department":"税务局","text":"   "}""", "不能为空")]
    [InlineData("""{"department":"*","text":"你好"}""", "“*”")]
    [InlineData("""{"department":"\u0000\u200b","text":"你好"}""", "部门名称")]
    [InlineData("""{"department":"税务局"}""", "不能为空")]
    [InlineData("""[1,2]""", "JSON")]
    public async Task AnInvalidReplyIs400WithAChineseReason(string body, string expected)
    {
        using var admin = await host.AdminAsync();

        using var response = await admin.PostAsync("/api/canned-replies/manage", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(expected, await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task AnOverlongReplyIsRefused()
    {
        using var admin = await host.AdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/canned-replies/manage", new { department = "税务局", text = new string('税', 1001) });

        Assert.Contains("1000", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ChangingAnUnknownReplyIs404()
    {
        using var admin = await host.AdminAsync();

        using var update = await admin.PutAsJsonAsync("/api/canned-replies/manage/999999", new { department = "税务局", text = "x" });
        using var delete = await admin.DeleteAsync("/api/canned-replies/manage/999999");

        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task EditsAndDeletionsAreAuditedAndTakeEffect()
    {
        using var admin = await host.AdminAsync();
        var id = (await (await admin.PostAsJsonAsync("/api/canned-replies/manage", new { department = "税务局", text = "个税汇算在每年 3 月 1 日至 6 月 30 日。" }))
            .JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();

        (await admin.PutAsJsonAsync($"/api/canned-replies/manage/{id}", new { department = "税务局", text = "个税汇算请使用个人所得税 App。" })).EnsureSuccessStatusCode();
        var afterEdit = await RepliesAsync(admin, "税务局");
        using var deleted = await admin.DeleteAsync($"/api/canned-replies/manage/{id}");
        var afterDelete = await RepliesAsync(admin, "税务局");

        Assert.Contains(afterEdit, r => r!["text"]!.GetValue<string>() == "个税汇算请使用个人所得税 App。");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(afterDelete, r => r!["id"]!.GetValue<long>() == id);
        var audit = await host.Services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery(Target: id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["canned.delete", "canned.update", "canned.create"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task TheDepartmentListJoinsTheBankAndTheStaffAccounts()
    {
        using var agent = await StaffAsync("canned.dept", "Iris-mountain-2258", ["12345 热线办公室"], "agent");

        using var response = await agent.GetAsync("/api/departments");
        var departments = (await response.Content.ReadFromJsonAsync<string[]>())!;

        Assert.Contains("出入境管理局", departments);
        Assert.Contains("医疗保障局", departments);
        Assert.Contains("12345 热线办公室", departments);
        Assert.DoesNotContain("*", departments);
        Assert.Equal(departments.Length, departments.Distinct().Count());
    }

    [Fact]
    public async Task RepliesAndDepartmentsNeedASignIn()
    {
        using var client = host.NewClient();

        using var replies = await client.GetAsync("/api/canned-replies?department=税务局");
        using var departments = await client.GetAsync("/api/departments");

        Assert.Equal(HttpStatusCode.Unauthorized, replies.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, departments.StatusCode);
    }

    private async Task<HttpClient> StaffAsync(string id, string password, string[] departments, params string[] roles)
    {
        using (var admin = await host.AdminAsync())
        {
            using var created = await admin.PostAsJsonAsync("/api/admin/agents", new { id, name = "坐席" + id, password, departments, roles });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var client = host.NewClient();
        (await client.LoginAsync(id, password)).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<JsonArray> RepliesAsync(HttpClient client, string department)
    {
        using var response = await client.GetAsync("/api/canned-replies?department=" + Uri.EscapeDataString(department));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}
