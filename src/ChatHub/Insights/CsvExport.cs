using System.Text;

namespace GovAssistant.ChatHub.Insights;

/// <summary>Dashboard tables as CSV (RFC 4180), UTF-8 with a byte-order mark so Excel opens Chinese text correctly.</summary>
public static class CsvExport
{
    /// <summary>The table's bytes: BOM, header row, data rows, CRLF line ends.</summary>
    public static byte[] Of(DashboardTable table)
    {
        var text = new StringBuilder();
        Line(text, table.Columns);
        foreach (var row in table.Rows) Line(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    private static string Cell(string value)
    {
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
