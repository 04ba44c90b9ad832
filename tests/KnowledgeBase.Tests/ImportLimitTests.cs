using System.Text;

namespace GovAssistant.KnowledgeBase.Tests;

/// <summary>
/// The import limits: a file over the row, column or unpacked-size limit is refused with one Chinese message, and a
/// file with many errors lists the first ones and counts the rest.
/// </summary>
public sealed class ImportLimitTests
{
    private static BankImporter Importer(int rows = 50_000, int columns = 100, long unpacked = 100 * 1024 * 1024, int errors = 100) =>
        new(new KnowledgeBaseOptions { MaxImportRows = rows, MaxImportColumns = columns, MaxImportUncompressedBytes = unpacked, MaxImportErrors = errors });

    [Fact]
    public void AnXlsxOfMoreRowsThanTheLimitIsRefusedWithOneMessage()
    {
        var bomb = XlsxBomb.Create(rows: 5_000);

        var report = Bank.Read(bomb, BankFileFormat.Xlsx, Importer(rows: 1_000));

        var error = Assert.Single(report.Errors);
        Assert.Contains("超过 1000 行的上限", error.Message);
        Assert.Empty(report.Entries);
    }

    [Fact]
    public void RowsAreCountedExactlyAcrossTheInflatedBuffers()
    {
        // ~1 MB of sheet XML: many 80 KB reads, so row tags fall across their boundaries.
        var atTheLimit = Bank.Read(XlsxBomb.Create(rows: 20_000), BankFileFormat.Xlsx, Importer(rows: 20_000));
        var oneOver = Bank.Read(XlsxBomb.Create(rows: 20_001), BankFileFormat.Xlsx, Importer(rows: 20_000));

        Assert.Equal(20_000, atTheLimit.ErrorCount);   // read: each row lacks its answer
        Assert.Contains("超过 20000 行的上限", Assert.Single(oneOver.Errors).Message);
    }

    [Fact]
    public void AnXlsxThatUnpacksBeyondTheLimitIsRefusedBeforeItsRowsAreRead()
    {
        var bomb = XlsxBomb.Create(rows: 100_000);   // ~6 MB of sheet XML in a zip of a few tens of KB
        Assert.True(bomb.Length < 200 * 1024, $"the bomb should be small, was {bomb.Length} bytes");

        // The row limit is far away: only the unpacked size can refuse it.
        var report = Bank.Read(bomb, BankFileFormat.Xlsx, Importer(rows: 1_000_000, unpacked: 1024 * 1024));

        Assert.Contains("解压后超过 1 MB 的上限", Assert.Single(report.Errors).Message);
    }

    [Fact]
    public void AWorkbookWiderThanTheColumnLimitIsRefused()
    {
        var report = Bank.Read(XlsxBomb.Create(rows: 3, extraColumns: 200), BankFileFormat.Xlsx, Importer(columns: 100));

        Assert.Contains("超过 100 列的上限", Assert.Single(report.Errors).Message);
    }

    [Fact]
    public void CsvAndJsonLinesHaveTheSameRowAndColumnLimits()
    {
        var csv = new StringBuilder("id,question,answer\n");
        var jsonl = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            csv.Append($"A{i},问{i},答{i}\n");
            jsonl.AppendLine(Bank.Line("A" + i)).AppendLine();   // blank lines are not rows
        }
        var wide = string.Join(",", Enumerable.Range(0, 150).Select(i => "c" + i)) + ",id,question,answer\n";

        Assert.Contains("超过 10 行的上限", Assert.Single(Read(csv.ToString(), BankFileFormat.Csv, Importer(rows: 10)).Errors).Message);
        Assert.Contains("超过 10 行的上限", Assert.Single(Read(jsonl.ToString(), BankFileFormat.JsonLines, Importer(rows: 10)).Errors).Message);
        Assert.True(Read(jsonl.ToString(), BankFileFormat.JsonLines, Importer(rows: 20)).IsValid);
        Assert.Contains("超过 100 列的上限", Assert.Single(Read(wide, BankFileFormat.Csv, Importer()).Errors).Message);
    }

    [Theory]
    [InlineData(BankFileFormat.JsonLines)]
    [InlineData(BankFileFormat.Csv)]
    [InlineData(BankFileFormat.Xlsx)]
    public void ManyBadRowsListTheFirstHundredErrorsInLineOrderAndCountTheRest(BankFileFormat format)
    {
        // 1,000 rows, each missing its answer: one error per row.
        var report = format switch
        {
            BankFileFormat.Xlsx => Bank.Read(XlsxBomb.Create(rows: 1_000), format, Importer()),
            BankFileFormat.Csv => Read("id,question,answer\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"A{i},问,\n")), format, Importer()),
            _ => Read(string.Concat(Enumerable.Range(0, 1_000).Select(i => $$"""{"id":"A{{i}}","question":"问"}""" + "\n")), format, Importer()),
        };

        Assert.Equal(100, report.Errors.Count);
        Assert.Equal(1_000, report.ErrorCount);
        Assert.Equal(900, report.OmittedErrors);
        Assert.Equal(report.Errors.OrderBy(e => e.Line).Select(e => e.Line), report.Errors.Select(e => e.Line));
        Assert.Equal(format == BankFileFormat.JsonLines ? 1 : 2, report.Errors[0].Line);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void ErrorsAcrossTheFilesOfAFolderAreCappedToo()
    {
        using var folder = new TempFolder();
        for (var f = 0; f < 3; f++)
            File.WriteAllText(Path.Combine(folder.Path, $"f{f}.jsonl"),
                string.Concat(Enumerable.Range(0, 80).Select(i => $$"""{"id":"F{{f}}-{{i}}","question":"问"}""" + "\n")));

        var report = SeedBankLoader.Load(folder.Path, Importer());

        Assert.Equal(100, report.Errors.Count);
        Assert.Equal(240, report.ErrorCount);
    }

    private static ImportReport Read(string text, BankFileFormat format, BankImporter importer) =>
        Bank.Read(Encoding.UTF8.GetBytes(text), format, importer);
}
