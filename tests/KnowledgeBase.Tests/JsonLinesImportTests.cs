using System.Text;

namespace GovAssistant.KnowledgeBase.Tests;

public sealed class JsonLinesImportTests
{
    [Fact]
    public void EveryFieldIsRead()
    {
        var report = Bank.ReadJsonLines("""
            {"id":"HJ-001","question":"新生儿怎么上户口？","similarQuestions":["宝宝落户要什么材料","出生登记, 在哪办"],"answer":"带出生医学证明。","category":"户籍","department":"公安局户政管理部门","region":"全国通用","tags":["新生儿","落户"],"source":"政策","basis":"《户口登记条例》第七条","validFrom":"2024-01-01","validTo":"2026-12-31","status":"draft","version":3,"updatedAt":"2025-03-04T09:30:00+08:00"}
            """);

        Assert.True(report.IsValid);
        var entry = Assert.Single(report.Entries);
        Assert.Equal(Bank.Full("HJ-001") with { Answer = "带出生医学证明。" }, entry);
    }

    [Fact]
    public void UnknownFieldsAreIgnored()
    {
        var report = Bank.ReadJsonLines("""{"id":"A1","question":"问","answer":"答","editorNote":{"todo":["核对"]},"priority":5}""");

        Assert.True(report.IsValid);
        Assert.Equal(new FaqEntry { Id = "A1", Question = "问", Answer = "答" }, Assert.Single(report.Entries));
    }

    [Fact]
    public void AUtf8ByteOrderMarkIsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Bank.Line("A1") + "\n" + Bank.Line("A2"))).ToArray();

        var report = Bank.Read(bytes, BankFileFormat.JsonLines);

        Assert.True(report.IsValid);
        Assert.Equal(["A1", "A2"], report.Entries.Select(e => e.Id));
    }

    [Fact]
    public void BlankLinesAreSkippedButStillCounted()
    {
        var report = Bank.ReadJsonLines("\n" + Bank.Line("A1") + "\r\n   \r\n\n" + """{"id":"A2"}""" + "\n\n");

        Assert.Equal(["A1"], report.Entries.Select(e => e.Id));
        Assert.Equal([5, 5], report.Errors.Select(e => e.Line));
    }

    [Fact]
    public void TextIsTrimmedAndLineEndingsNormalised()
    {
        var report = Bank.ReadJsonLines("""
            {"id":"  A1 ","question":"  问题？\t","similarQuestions":["  问法一 ","","   "],"answer":"\r\n第一行\r\n第二行\r第三行  ","category":"  ","tags":[" 标签 "]}
            """);

        var entry = Assert.Single(report.Entries);
        Assert.Equal("A1", entry.Id);
        Assert.Equal("问题？", entry.Question);
        Assert.Equal(["问法一"], entry.SimilarQuestions);
        Assert.Equal("第一行\n第二行\n第三行", entry.Answer);
        Assert.Null(entry.Category);
        Assert.Equal(["标签"], entry.Tags);
    }

    [Fact]
    public void MissingOptionalFieldsTakeTheirDefaults()
    {
        var entry = Assert.Single(Bank.ReadJsonLines("""{"id":"A1","question":"问","answer":"答","validFrom":null,"status":""}""").Entries);

        Assert.Equal(FaqStatus.Published, entry.Status);
        Assert.Equal(1, entry.Version);
        Assert.Null(entry.ValidFrom);
        Assert.Null(entry.UpdatedAt);
        Assert.Empty(entry.SimilarQuestions);
        Assert.Empty(entry.Tags);
    }

    [Theory]
    [InlineData("Draft", FaqStatus.Draft)]
    [InlineData("PUBLISHED", FaqStatus.Published)]
    [InlineData(" retired ", FaqStatus.Retired)]
    public void StatusIsReadIgnoringCase(string status, FaqStatus expected)
    {
        var entry = Assert.Single(Bank.ReadJsonLines($$"""{"id":"A1","question":"问","answer":"答","status":"{{status}}"}""").Entries);

        Assert.Equal(expected, entry.Status);
    }

    [Fact]
    public void AnUnsupportedExtensionIsAFileError()
    {
        using var temp = new TempFolder();
        var path = temp.File("bank.txt");
        File.WriteAllText(path, Bank.Line("A1"));

        var report = new BankImporter().ReadFile(path);

        Assert.Equal("不支持的文件类型“.txt”：请使用 .jsonl、.csv 或 .xlsx", Assert.Single(report.Errors).Message);
    }
}
