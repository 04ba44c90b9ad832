namespace GovAssistant.KnowledgeBase.Tests;

public sealed class JsonLinesValidationTests
{
    private static readonly string Long201 = new('问', 201);

    private static string Similar(int count, int longAt = -1) =>
        "[" + string.Join(",", Enumerable.Range(1, count).Select(i => i == longAt ? $"\"{Long201}\"" : $"\"问法{i}\"")) + "]";

    /// <summary>A bad third line (after a good line and a blank one), the field blamed, and the exact message.</summary>
    public static TheoryData<string, string?, string?, string> BadLines => new()
    {
        { """{"id":"B1","question":"q","answer":"a" """, null, null, "不是有效的 JSON（约第 40 个字符处），请检查引号、逗号和括号是否配对" },
        { """{"id":"B1","question":"问题","answer":"答案" """, null, null, "不是有效的 JSON（约第 42 个字符处），请检查引号、逗号和括号是否配对" },
        { """["B1","q","a"]""", null, null, "每一行必须是一个 JSON 对象（以 { 开头、以 } 结尾）" },
        { """{"question":"q","answer":"a"}""", null, "id", "id 不能为空" },
        { """{"id":"B1","question":"   ","answer":"a"}""", "B1", "question", "标准问题不能为空" },
        { """{"id":"B1","question":"q"}""", "B1", "answer", "答案不能为空" },
        { """{"id":"A1","question":"q","answer":"a"}""", "A1", "id", "id“A1”重复：第 1 行已使用" },
        { $$"""{"id":"B1","question":"{{Long201}}","answer":"a"}""", "B1", "question", "标准问题过长：201 个字，最多 200 个字" },
        { $$"""{"id":"B1","question":"q","similarQuestions":{{Similar(3, longAt: 2)}},"answer":"a"}""", "B1", "similarQuestions", "第 2 条相似问法过长：201 个字，最多 200 个字" },
        { $$"""{"id":"B1","question":"q","similarQuestions":{{Similar(51)}},"answer":"a"}""", "B1", "similarQuestions", "相似问法过多：51 条，最多 50 条" },
        { $$"""{"id":"B1","question":"q","answer":"{{new string('答', 10_001)}}"}""", "B1", "answer", "答案过长：10001 个字，最多 10000 个字" },
        { $$"""{"id":"{{new string('X', 65)}}","question":"q","answer":"a"}""", new string('X', 65), "id", "id 过长：65 个字符，最多 64 个" },
        { """{"id":"B 1","question":"q","answer":"a"}""", "B 1", "id", "id 不能包含空白或控制字符" },
        { """{"id":"B\u00011","question":"q","answer":"a"}""", "B\u00011", "id", "id 不能包含空白或控制字符" },
        { """{"id":"B1","question":"q","answer":"a","validFrom":"2024-02-30"}""", "B1", "validFrom", "日期“2024-02-30”无效，应为 yyyy-MM-dd 格式的真实日期，例如 2025-01-31" },
        { """{"id":"B1","question":"q","answer":"a","validTo":"2024/03/01"}""", "B1", "validTo", "日期“2024/03/01”无效，应为 yyyy-MM-dd 格式的真实日期，例如 2025-01-31" },
        { """{"id":"B1","question":"q","answer":"a","validFrom":"2024-03-01","validTo":"2024-02-29"}""", "B1", "validTo", "失效日期 validTo（2024-02-29）早于生效日期 validFrom（2024-03-01）" },
        { """{"id":"B1","question":"q","answer":"a","status":"online"}""", "B1", "status", "未知状态“online”，应为 draft、published 或 retired" },
        { """{"id":"B1","question":"q","answer":"a","version":"v2"}""", "B1", "version", "版本号“v2”无效，应为正整数" },
        { """{"id":"B1","question":"q","answer":"a","version":0}""", "B1", "version", "版本号“0”无效，应为正整数" },
        { """{"id":"B1","question":"q","answer":"a","updatedAt":"昨天"}""", "B1", "updatedAt", "更新时间“昨天”无效，应为 ISO 8601 格式，例如 2025-01-31T09:30:00+08:00" },
        { """{"id":"B1","question":"q","answer":"a","similarQuestions":"问法一|问法二"}""", "B1", "similarQuestions", "similarQuestions 应为字符串数组，例如 [\"问法一\", \"问法二\"]" },
        { """{"id":"B1","question":{"text":"q"},"answer":"a"}""", "B1", "question", "question 应为文本（用双引号括起来）" },
        { """{"id":"B1","question":"q","answer":"a","similarQuestions":["问|法"]}""", "B1", "similarQuestions", "相似问法不能包含“|”：它在 CSV/XLSX 中用于分隔多条问法" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task EachKindOfBadLineIsReportedAtItsLineAndNothingIsStored(string badLine, string? id, string? field, string message)
    {
        var report = Bank.ReadJsonLines(Bank.Line("A1") + "\n\n" + badLine + "\n");

        Assert.False(report.IsValid);
        var error = Assert.Single(report.Errors);
        Assert.Equal(new ImportError(3, id, field, message), error);
        Assert.Equal(["A1"], report.Entries.Select(e => e.Id));

        using var temp = new TempFolder();
        var store = temp.NewStore();
        var thrown = await Assert.ThrowsAsync<InvalidFaqEntryException>(() => store.ImportAsync(report, replace: false, "test"));
        Assert.Equal(report.Errors, thrown.Errors);
        Assert.Equal(0, await store.CountAsync());
        Assert.Equal(0, await store.GetRevisionAsync());
    }

    [Fact]
    public void EveryErrorInTheFileIsCollectedInLineOrder()
    {
        var report = Bank.ReadJsonLines(string.Join("\n",
            Bank.Line("A1"),
            """{"id":"A2","question":"","answer":"","status":"gone"}""",
            "not json",
            Bank.Line("A1"),
            Bank.Line("A5")));

        Assert.Equal(
            [(2, "status"), (2, "question"), (2, "answer"), (3, null), (4, "id")],
            report.Errors.Select(e => (e.Line, e.Field)).ToArray());
        Assert.Equal(["A1", "A5"], report.Entries.Select(e => e.Id));
    }

    [Fact]
    public void AFileLargerThanTheLimitIsRejectedWithoutParsing()
    {
        var importer = new BankImporter(new KnowledgeBaseOptions { MaxImportFileBytes = 1024 });
        var text = string.Join("\n", Enumerable.Range(1, 100).Select(i => Bank.Line($"A{i}")));

        var report = Bank.ReadJsonLines(text, importer);

        Assert.Equal([new ImportError(0, null, null, "文件过大：超过 1 KB 的上限，请拆分成多个文件后分别导入")], report.Errors);
        Assert.Empty(report.Entries);
    }

    [Fact]
    public void AFileExactlyAtTheLimitIsRead()
    {
        var text = Bank.Line("A1");
        var importer = new BankImporter(new KnowledgeBaseOptions { MaxImportFileBytes = System.Text.Encoding.UTF8.GetByteCount(text) });

        Assert.True(Bank.ReadJsonLines(text, importer).IsValid);
    }

    [Fact]
    public void TheDefaultLimitIsTwentyMegabytes()
    {
        var bytes = new byte[20 * 1024 * 1024 + 1];
        Array.Fill(bytes, (byte)'\n');

        var report = Bank.Read(bytes, BankFileFormat.JsonLines);

        Assert.Equal("文件过大：超过 20 MB 的上限，请拆分成多个文件后分别导入", Assert.Single(report.Errors).Message);
    }
}
