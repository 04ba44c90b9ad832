using MiniExcelLibs;

namespace GovAssistant.KnowledgeBase.Tests;

public sealed class XlsxImportTests
{
    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(object? id, object? question, object? answer, object? validFrom = null, object? version = null) => new()
    {
        ["id"] = id, ["question"] = question, ["answer"] = answer, ["validFrom"] = validFrom, ["version"] = version,
    };

    [Fact]
    public void TypedCellsAreReadAsTheirText()
    {
        var bytes = Workbook(Row(1001, "问", "答", new DateTime(2025, 5, 1), 2));

        var entry = Assert.Single(Bank.Read(bytes, BankFileFormat.Xlsx).Entries);

        Assert.Equal("1001", entry.Id);
        Assert.Equal(new DateOnly(2025, 5, 1), entry.ValidFrom);
        Assert.Equal(2, entry.Version);
    }

    [Fact]
    public void ErrorsNameTheSpreadsheetRowWithTheHeaderAsRowOne()
    {
        var bytes = Workbook(
            Row("A1", "问", "答"),
            Row(null, null, null),
            Row("A3", "问", null),
            Row("A4", "问", "答", "2025-02-30"));

        var report = Bank.Read(bytes, BankFileFormat.Xlsx);

        Assert.Equal([(4, "A3", "answer"), (5, "A4", "validFrom")], report.Errors.Select(e => (e.Line, e.Id, e.Field)));
        Assert.Equal(["A1"], report.Entries.Select(e => e.Id));
    }

    [Fact]
    public void AFileThatIsNotAWorkbookIsAFileError()
    {
        var report = Bank.Read("id,question,answer\n"u8.ToArray(), BankFileFormat.Xlsx);

        Assert.Equal([new ImportError(0, null, null, "无法读取 XLSX 文件：文件已损坏或不是 Excel 2007 及以上版本的 .xlsx 格式")], report.Errors);
    }
}
