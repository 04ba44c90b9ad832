using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.Welcome;

/// <summary><c>GET /api/welcome</c>, the visitor's first screen, on the real host and the seed bank.</summary>
public sealed class WelcomeApiTests
{
    [Fact]
    public async Task WithAnEmptyLogTheFirstScreenOffersTheConfiguredQuestionsThemesHotlineAndHours()
    {
        await using var host = new ConversationHost(settings: new Dictionary<string, string>
        {
            ["Welcome:Hotline"] = "0571-12345",
            ["Conversations:ServiceHours"] = "08:30-17:30",
        }).Start();
        using var http = new HttpClient { BaseAddress = host.Address };

        var welcome = JsonNode.Parse(await http.GetStringAsync("/api/welcome"))!;

        Assert.Equal("configured", welcome["hotSource"]!.GetValue<string>());
        Assert.Equal(["SF-001", "JZ-001", "HJ-001", "SB-001", "YB-001", "GJ-001"], Ids(welcome["hotQuestions"]!));
        var categories = welcome["categories"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["户籍", "社保", "医保", "公积金"], categories.Take(4));
        Assert.Equal(19, categories.Count);
        Assert.All(welcome["categories"]!.AsArray(), c => Assert.Equal(5, c!["questions"]!.AsArray().Count));
        // The 港澳台 theme is written in Traditional in the bank; the page is Simplified.
        var hongKong = welcome["categories"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "港澳台居民服务")!;
        Assert.Equal("港澳台居民居住证怎么申领？", hongKong["questions"]![0]!["question"]!.GetValue<string>());
        Assert.Equal("0571-12345", welcome["hotline"]!.GetValue<string>());
        Assert.Equal("08:30-17:30", welcome["serviceHours"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheWeeksMostAskedAnsweredQuestionsComeFirstAndLeadTheirTheme()
    {
        await using var host = new ConversationHost(settings: new Dictionary<string, string> { ["Welcome:CacheFor"] = "00:00:00" }).Start();
        using var http = new HttpClient { BaseAddress = host.Address };
        Assert.Null(JsonNode.Parse(await http.GetStringAsync("/api/welcome"))!["serviceHours"]);

        var often = await AskAsync(http, "买房怎么提取公积金", 3);
        var sometimes = await AskAsync(http, "护照过期了怎么换", 2);
        await AskAsync(http, "今天晚饭吃什么好", 4);                      // not answered: never offered

        var welcome = JsonNode.Parse(await http.GetStringAsync("/api/welcome"))!;
        Assert.Equal("log", welcome["hotSource"]!.GetValue<string>());
        var hot = Ids(welcome["hotQuestions"]!);
        Assert.Equal([often, sometimes], hot.Take(2));
        Assert.Equal(6, hot.Count);                                       // topped up with the configured ones
        Assert.Equal(hot.Count, hot.Distinct().Count());
        var fund = welcome["categories"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "公积金")!;
        Assert.Equal(often, fund["questions"]![0]!["id"]!.GetValue<string>());
    }

    private static List<string> Ids(JsonNode list) => [.. list.AsArray().Select(q => q!["id"]!.GetValue<string>())];

    private static async Task<string?> AskAsync(HttpClient http, string question, int times)
    {
        string? id = null;
        for (var i = 0; i < times; i++)
        {
            using var response = await http.PostAsJsonAsync("/api/ask", new { question });
            response.EnsureSuccessStatusCode();
            var r = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            id = r["decision"]!.GetValue<string>() == "answered" ? r["faqId"]!.GetValue<string>() : null;
        }
        return id;
    }
}
