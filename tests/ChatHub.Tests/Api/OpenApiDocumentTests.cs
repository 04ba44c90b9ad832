using System.Net;
using System.Text.Json.Nodes;

namespace GovAssistant.ChatHub.Tests.Api;

/// <summary>The OpenAPI description is served anonymously and describes the public and admin REST APIs.</summary>
public sealed class OpenApiDocumentTests(ChatHubHost host) : IClassFixture<ChatHubHost>
{
    [Fact]
    public async Task TheOpenApiDocumentListsTheAskAndAdminApis()
    {
        using var response = await host.Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        // A group's root ("/api/admin/agents/") is listed with its trailing slash.
        var paths = document["paths"]!.AsObject().Select(p => p.Key.Length > 1 ? p.Key.TrimEnd('/') : p.Key).ToList();
        foreach (var expected in new[] { "/api/ask", "/api/visitors", "/api/agents/login", "/api/agents/me/password", "/api/admin/agents",
                     "/api/admin/agents/{id}", "/api/admin/bank/drafts", "/api/admin/audit", "/api/admin/insights/dashboard" })
            Assert.Contains(expected, paths);
        Assert.NotNull(document["paths"]!["/api/ask"]!["post"]);
    }
}
