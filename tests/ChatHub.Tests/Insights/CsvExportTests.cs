using System.Text;
using GovAssistant.ChatHub.Insights;

namespace GovAssistant.ChatHub.Tests.Insights;

public class CsvExportTests
{
    private static string Text(DashboardTable table)
    {
        var bytes = CsvExport.Of(table);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    [Fact]
    public void CellsWithCommasQuotesAndLineBreaksAreQuoted()
    {
        var table = new DashboardTable("t", "表", ["评价内容", "次数"], [["太慢了，\"等\"了很久\n还没人理", "1"]]);
        Assert.Equal("评价内容,次数\r\n\"太慢了，\"\"等\"\"了很久\n还没人理\",1\r\n", Text(table));
    }

    [Fact]
    public void CellsThatASpreadsheetWouldRunAsFormulasAreDefused()
    {
        var table = new DashboardTable("t", "表", ["内容"], [["=HYPERLINK(\"http://x\")"], ["+1+2"], ["@SUM(A1)"], ["-5"]]);
        var lines = Text(table).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["内容", "\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1+2", "'@SUM(A1)", "-5"], lines);
    }
}
