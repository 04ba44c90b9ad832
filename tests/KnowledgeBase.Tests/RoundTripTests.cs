namespace GovAssistant.KnowledgeBase.Tests;

public sealed class RoundTripTests
{
    private static readonly FaqEntry[] Entries =
    [
        Bank.Full("HJ-001"),
        Bank.Entry("HJ-002") with { Answer = "=SUM(A1) 开头像公式，\"引号\"，逗号, 和\n换行", Tags = ["-负号开头"], Version = 12 },
        new() { Id = "SB-001", Question = "社保怎么查？", Answer = "登录国家社会保险公共服务平台查询。", Status = FaqStatus.Retired },
    ];

    [Theory]
    [InlineData(BankFileFormat.JsonLines)]
    [InlineData(BankFileFormat.Csv)]
    [InlineData(BankFileFormat.Xlsx)]
    public void ExportThenImportGivesEqualEntries(BankFileFormat format)
    {
        var report = Bank.Read(Bank.Export(Entries, format), format);

        Assert.Empty(report.Errors);
        Assert.Equal(Entries, report.Entries);
    }

    [Theory]
    [InlineData(BankFileFormat.JsonLines)]
    [InlineData(BankFileFormat.Csv)]
    [InlineData(BankFileFormat.Xlsx)]
    public void AnEmptyBankRoundTrips(BankFileFormat format)
    {
        var report = Bank.Read(Bank.Export([], format), format);

        Assert.True(report.IsValid, string.Join("; ", report.Errors));
        Assert.Empty(report.Entries);
    }

    [Fact]
    public void JsonLinesExportIsOneReadableObjectPerLine()
    {
        var text = System.Text.Encoding.UTF8.GetString(Bank.Export([Bank.Entry("A1")], BankFileFormat.JsonLines));

        Assert.Equal(
            """{"id":"A1","question":"如何办理居住证？","similarQuestions":[],"answer":"携带身份证到社区服务中心申请。","tags":[],"status":"published","version":1}""" + "\n",
            text);
    }

    [Fact]
    public void FilesWrittenByExtensionAreReadBackByExtension()
    {
        using var temp = new TempFolder();
        foreach (var name in new[] { "bank.jsonl", "bank.csv", "bank.xlsx" })
        {
            var path = temp.File(name);
            BankExporter.WriteFile(Entries, path);

            Assert.Equal(Entries, new BankImporter().ReadFile(path).Entries);
        }
    }
}
