using System.Net.Http.Json;
using System.Text.Json;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Insights;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Tests.Insights;

/// <summary>A citizen's identifiers never reach the logs or the question log; the transcript keeps them for the agents.</summary>
public sealed class PrivacyInLogsTests
{
    private const string Phone = "13812345678";
    private const string IdNumber = "11010519491231002X";
    private const string Card = "6222021234567890128";
    private static readonly string Question = $"我的身份证{IdNumber}丢了，手机{Phone}，银行卡{Card}，身份证怎么补办";

    [Fact]
    public async Task AQuestionWithPhoneIdAndCardLeavesNoTraceInLogsNorInTheQuestionLog()
    {
        await using var host = new InsightsHost(DateTimeOffset.UtcNow).Start();
        using var http = new HttpClient { BaseAddress = host.Address };

        // Through the REST ask API …
        var asked = await http.PostAsJsonAsync("/api/ask", new { question = Question });
        asked.EnsureSuccessStatusCode();
        // … and through the visitor hub, with feedback and a rating comment carrying a number too.
        var issued = await (await http.PostAsync("/api/visitors", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("visitorToken").GetString()!;
        await using var visitor = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/visitor"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await visitor.StartAsync();
        var view = await visitor.InvokeAsync<JsonElement>("Start");
        var conversationId = view.GetProperty("conversation").GetProperty("id").GetString()!;
        await visitor.InvokeAsync("Send", conversationId, Question);
        await visitor.InvokeAsync("Feedback", conversationId, 3L, false);
        await visitor.InvokeAsync("Close", conversationId);
        await visitor.InvokeAsync("Rate", conversationId, 1, $"请回电{Phone}");

        // The logs were captured at Trace level for every category: none of the identifiers is in them.
        Assert.NotEmpty(host.Logs.Lines);
        foreach (var secret in new[] { Phone, IdNumber, Card, "11010519491231002x" })
            Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));

        // The question log holds both questions, masked.
        var logged = await host.Services.GetRequiredService<QuestionLog>()
            .ListAsync(new InsightFilter(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Equal(["api", "web"], logged.Select(q => q.Channel).Order());
        Assert.All(logged, q => Assert.Equal("我的身份证110105********002X丢了，手机138****5678，银行卡622202*********0128，身份证怎么补办", q.Question));
        Assert.Contains(logged, q => q.Channel == "web" && q.Feedback == -1 && q.Rating == 1);
        var everyCell = DumpTable(host.Folder.File("bank.db"), "insight_questions");
        foreach (var secret in new[] { Phone, IdNumber, Card })
            Assert.DoesNotContain(secret, everyCell);

        // The transcript keeps the original text: agents may need it (the console masks it until revealed).
        var transcript = await host.Services.GetRequiredService<IConversationStore>().GetMessagesAsync(conversationId, 0, includeNotes: true);
        Assert.Contains(transcript, m => m.Sender == SenderKind.Visitor && m.Text == Question);
    }

    private static string DumpTable(string database, string table)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table};";
        using var reader = command.ExecuteReader();
        var cells = new List<string>();
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++) cells.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!);
        return string.Join("\n", cells);
    }
}
