using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GovAssistant.ChatHub.Tests.Infrastructure;

/// <summary>Calls to <c>POST /api/ask</c>, read as raw JSON so the tests pin the wire names, not a shared C# type.</summary>
public static class AskClient
{
    /// <summary>Asks <paramref name="question"/> and returns the 200 response body.</summary>
    public static async Task<JsonObject> AskAsync(this HttpClient client, string question, string? conversationId = null)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question, conversationId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static string? Str(this JsonObject o, string name) => o[name]?.GetValue<string>();
}
