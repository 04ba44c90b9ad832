using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Agents;
using GovAssistant.ChatHub.Tests.Infrastructure;
using GovAssistant.Tests.Shared;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>The real host on <c>Storage:Provider=postgres</c>: the bank is seeded into, answered from and published to PostgreSQL.</summary>
public sealed class PostgresBankHostTests : IAsyncLifetime
{
    private const string NewFee = "补领工本费调整为 25 元（PostgreSQL 发布测试）。";
    private readonly string _folder = Directory.CreateTempSubdirectory("govassistant-pgbank-").FullName;
    private string _database = "";
    private LoopbackApp? _app;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _app = new LoopbackApp(_folder, new Dictionary<string, string>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Postgres"] = _database,
            ["GOVASSISTANT_ADMIN_PASSWORD"] = AgentsHost.AdminPassword,
        });
        _address = _app.Start();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task TextWithANulCharacterIsStoredWithoutItOnPostgresInsteadOfAServerError()
    {
        // PostgreSQL's text and jsonb cannot hold U+0000; SQLite can, so only this provider showed the 500.
        using var editor = await StaffAsync("editor.nul", "editor");
        using var proposed = await editor.PostAsync("/api/admin/bank/drafts", new StringContent(
            """{"baseEntryId":"HJ-006","answer":"答案\u0000内容","note":"备\u0000注","origin":"editor"}""", System.Text.Encoding.UTF8, "application/json"));
        var draft = await proposed.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("答案内容", "备注"), (draft["proposed"]!["answer"]!.GetValue<string>(), draft["note"]!.GetValue<string>()));

        using var visitor = Client();
        using var asked = await visitor.PostAsync("/api/ask", new StringContent(
            """{"question":"身份证丢了\u0000怎么补办？"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("SF-001", (await asked.JsonAsync(HttpStatusCode.OK))["faqId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AQueryStringWithANulCharacterIsAChinese400OnPostgresInsteadOfAServerError()
    {
        using var admin = await StaffAsync("admin.nul", "admin");
        foreach (var path in new[]
        {
            "/api/admin/bank/entries?q=%00", "/api/admin/bank/entries?department=%00",
            "/api/admin/audit?actor=%00", "/api/admin/insights/dashboard?department=%00", "/api/admin/bank/drafts?batch=%00",
        })
        {
            using var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("无法识别的字符", await response.DetailAsync(HttpStatusCode.BadRequest));
        }
    }

    [Fact]
    public async Task TheServiceStartsOnPostgresAnswersASeedQuestionAndPublishesADraftFromIt()
    {
        using var visitor = Client();
        var seeded = await BankAdminHost.AskAsync(visitor, "身份证丢了怎么补办？");
        Assert.Equal("SF-001", seeded["faqId"]!.GetValue<string>());
        Assert.NotEqual(NewFee, seeded["answer"]!.GetValue<string>());
        Assert.True(await PostgresScalarAsync<long>("SELECT COUNT(*) FROM entries WHERE status = 'published'") > 100);
        // The bank lives in PostgreSQL only: its tables were never made in the host's SQLite file.
        Assert.False(SqliteHasTable("entries"));

        using var editor = await StaffAsync("editor.pg", "editor");
        using var reviewer = await StaffAsync("reviewer.pg", "reviewer");
        var draft = await editor.ProposeAsync(new { baseEntryId = "SF-001", answer = NewFee, origin = "editor", note = "工本费调整" });
        var published = await reviewer.PublishedAsync(draft.Id());

        Assert.Equal(2, published["entry"]!["version"]!.GetValue<int>());
        var answer = await BankAdminHost.AskAsync(visitor, "身份证丢了怎么补办？");
        Assert.Equal(("SF-001", NewFee), (answer["faqId"]!.GetValue<string>(), answer["answer"]!.GetValue<string>()));
        Assert.Equal("reviewer.pg", await PostgresScalarAsync<string>("SELECT reviewed_by FROM entry_versions WHERE entry_id = 'SF-001' AND version = 2"));
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _address };

    private async Task<HttpClient> StaffAsync(string id, string role)
    {
        using (var admin = Client())
        {
            (await admin.LoginAsync("admin", AgentsHost.AdminPassword)).EnsureSuccessStatusCode();
            using var created = await admin.PostAsJsonAsync("/api/admin/agents",
                new { id, name = "员工" + id, password = BankAdminHost.Password, departments = new[] { BankAdminHost.Huzheng }, roles = new[] { role } });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        var client = Client();
        (await client.LoginAsync(id, BankAdminHost.Password)).EnsureSuccessStatusCode();
        return client;
    }

    private async Task<T> PostgresScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private bool SqliteHasTable(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "bank.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }
}
