using System.Text;

namespace GovAssistant.KnowledgeBase.Tests;

public sealed class CsvImportTests
{
    private const string Header = "id,question,similarQuestions,answer,tags,validFrom,status\n";

    [Fact]
    public void ListCellsAreSplitOnTheBar()
    {
        var report = Bank.ReadCsv(Header + "A1,问,问法一| 问法二 ||问法三,答,户籍|落户,2025-01-01,Draft\n");

        var entry = Assert.Single(report.Entries);
        Assert.Equal(["问法一", "问法二", "问法三"], entry.SimilarQuestions);
        Assert.Equal(["户籍", "落户"], entry.Tags);
        Assert.Equal(new DateOnly(2025, 1, 1), entry.ValidFrom);
        Assert.Equal(FaqStatus.Draft, entry.Status);
    }

    [Fact]
    public void RowNumbersCountTheHeaderAsRowOneAndAMultiLineAnswerAsOneRow()
    {
        var report = Bank.ReadCsv(Header +
            "A1,问,,\"第一行\n第二行\n第三行\",,,\n" +
            "A2,,,答,,,\n" +
            "A3,问,,答,,2025-13-01,\n");

        Assert.Equal([(3, "A2", "question"), (4, "A3", "validFrom")], report.Errors.Select(e => (e.Line, e.Id, e.Field)));
        Assert.Equal("第一行\n第二行\n第三行", Assert.Single(report.Entries).Answer);
    }

    [Fact]
    public void HeadersMatchIgnoringCaseAndUnknownColumnsAreIgnored()
    {
        var report = Bank.ReadCsv(" ID ,备注,QUESTION,Answer\nA1,编辑备注,问,答\n");

        Assert.True(report.IsValid);
        Assert.Equal(new FaqEntry { Id = "A1", Question = "问", Answer = "答" }, Assert.Single(report.Entries));
    }

    [Fact]
    public void AMissingRequiredColumnIsOneErrorOnTheHeaderRow()
    {
        var report = Bank.ReadCsv("id,question,tags\nA1,问,a|b\n");

        var error = Assert.Single(report.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("表头缺少必需的列：answer。", error.Message);
        Assert.Empty(report.Entries);
    }

    [Fact]
    public void RowsWithNoValueAreSkipped()
    {
        var report = Bank.ReadCsv(Header + ",,,,,,\nA1,问,,答,,,\n\n");

        Assert.True(report.IsValid);
        Assert.Equal(["A1"], report.Entries.Select(e => e.Id));
    }

    [Fact]
    public void AStrayQuoteIsReportedOnItsRow()
    {
        var report = Bank.ReadCsv(Header + "A1,问,,答,,,\nA2,问\"题,,答,,,\n");

        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("CSV 引号不配对", error.Message);
        Assert.Equal(["A1"], report.Entries.Select(e => e.Id));
    }

    [Fact]
    public void DuplicateIdsAreReportedOnTheLaterRow()
    {
        var report = Bank.ReadCsv(Header + "A1,问,,答,,,\nA2,问,,答,,,\nA1,又问,,又答,,,\n");

        Assert.Equal([new ImportError(4, "A1", "id", "id“A1”重复：第 2 行已使用")], report.Errors);
    }

    [Fact]
    public void AByteOrderMarkIsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,question,answer\nA1,问,答\n")).ToArray();

        var report = Bank.Read(bytes, BankFileFormat.Csv);

        Assert.Equal(["A1"], report.Entries.Select(e => e.Id));
    }

    [Fact]
    public void AnEmptyFileIsAFileError()
    {
        Assert.Equal("文件为空：第一行应为列名", Assert.Single(Bank.ReadCsv("").Errors).Message);
    }

    [Fact]
    public void AFileSavedInTheChineseWindowsCodePageIsRejectedWithAHowTo()
    {
        // "id,question,answer\nA1,问,答\n" as Excel on Chinese Windows saves it: GBK, where 问 is CE CA and 答 is B4 F0.
        byte[] gbk = [.. "id,question,answer\nA1,"u8, 0xCE, 0xCA, (byte)',', 0xB4, 0xF0, (byte)'\n'];

        var report = Bank.Read(gbk, BankFileFormat.Csv);

        Assert.Equal([new ImportError(0, null, null, "文件不是 UTF-8 编码：在 Excel 中请“另存为”选择“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件")], report.Errors);
    }
}
