using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Agents;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>
/// The real host (loopback Kestrel, temp database, seed bank) with helpers to create staff of given roles and
/// departments and to drive the bank administration API as they would.
/// </summary>
public sealed class BankAdminHost : IAsyncLifetime
{
    public const string Password = "Qm4-river-Stone-81";
    public const string Huzheng = "公安局户政管理部门";
    public const string Yibao = "医疗保障局";

    public AgentsHost Host { get; } = new();

    public Uri Address => Host.Address;

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();

    /// <summary>Creates an account with <paramref name="roles"/> in <paramref name="departments"/> and returns a client signed in as it.</summary>
    public async Task<HttpClient> StaffAsync(string id, string[] roles, params string[] departments)
    {
        using (var admin = await Host.AdminAsync())
        {
            using var created = await admin.PostAsJsonAsync("/api/admin/agents",
                new { id, name = "员工" + id, password = Password, departments, roles });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        var client = Host.NewClient();
        (await client.LoginAsync(id, Password)).EnsureSuccessStatusCode();
        return client;
    }

    public Task<HttpClient> AdminAsync() => Host.AdminAsync();

    /// <summary>Asks the public API and returns the parsed answer.</summary>
    public static async Task<JsonObject> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        return await response.JsonAsync(HttpStatusCode.OK);
    }
}

/// <summary>Shortcuts for the drafts API.</summary>
public static class DraftCalls
{
    public static async Task<JsonObject> ProposeAsync(this HttpClient client, object draft)
    {
        using var response = await client.PostAsJsonAsync("/api/admin/bank/drafts", draft);
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> PublishAsync(this HttpClient client, string draftId) =>
        client.PostAsync($"/api/admin/bank/drafts/{draftId}/publish", null);

    public static async Task<JsonObject> PublishedAsync(this HttpClient client, string draftId)
    {
        using var response = await client.PublishAsync(draftId);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    public static string Id(this JsonObject draft) => draft["id"]!.GetValue<string>();
}
