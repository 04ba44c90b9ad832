using System.Net.Http.Json;
using GovAssistant.ChatHub.Insights;
using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Tests.Insights;

/// <summary>The question log is written off the request path, and a graceful stop of the real host loses none of it.</summary>
public sealed class QuestionLogWriterTests
{
    [Fact]
    public async Task AnswersDoNotWaitForTheDatabaseAndAGracefulStopWritesEveryQueuedQuestion()
    {
        using var folder = new TempFolder();
        var app = new LoopbackApp(folder.Path, new Dictionary<string, string> { ["RateLimits:Ask:Burst"] = "1000" });
        using var http = new HttpClient { BaseAddress = app.Start() };
        var database = folder.File("bank.db");

        // Another writer holds SQLite's write lock: every write of the service has to wait for it.
        await using var blocker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        blocker.Open();
        using var hold = blocker.BeginTransaction(deferred: false);
        for (var i = 0; i < 12; i++)
            (await http.PostAsJsonAsync("/api/ask", new { question = "身份证丢了怎么补办" })).EnsureSuccessStatusCode();

        var stopping = app.DisposeAsync().AsTask();
        hold.Rollback();
        await stopping;

        await using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM insight_questions WHERE channel = 'api';";
        Assert.Equal(12L, (long)count.ExecuteScalar()!);
    }
}
