using System.Globalization;
using System.IO.Compression;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Looks inside an XLSX (a zip) before any XML is parsed: a few hundred KB can unpack to gigabytes of rows (a
/// decompression bomb). The declared sizes are checked first, then each part is inflated through a counter, since
/// a hostile zip may declare small sizes and hold large ones; the rows of the worksheets are counted on the way, so a
/// sheet of too many rows is refused at inflating speed, before the spreadsheet reader scans it.
/// </summary>
internal static class XlsxInspection
{
    // A workbook has a dozen parts; thousands is not a spreadsheet an editor made.
    private const int MaxParts = 1000;

    private static readonly byte[] RowTag = "<row"u8.ToArray();

    /// <summary>Throws <see cref="ImportRefusedException"/> when the unpacked workbook is larger, or a sheet longer, than allowed.</summary>
    public static void Check(byte[] content, long maxUncompressedBytes, int maxRows)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxParts) throw TooLarge(maxUncompressedBytes);
        long declared = 0;
        foreach (var part in zip.Entries)
        {
            declared += part.Length;
            if (declared > maxUncompressedBytes) throw TooLarge(maxUncompressedBytes);
        }

        long inflated = 0;
        var buffer = new byte[81920];
        foreach (var part in zip.Entries)
        {
            var sheet = part.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
            long rows = 0;
            var carried = 0;   // bytes of a possible "<row" split across two reads, kept at the buffer's start
            using var stream = part.Open();
            int read;
            while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0)
            {
                inflated += read;
                if (inflated > maxUncompressedBytes) throw TooLarge(maxUncompressedBytes);
                if (!sheet) continue;
                var span = buffer.AsSpan(0, carried + read);
                rows += CountRows(span);
                // The header row is row 1: more than maxRows + 1 rows is more than maxRows data rows.
                if (rows > maxRows + 1L) throw TooManyRows(maxRows);
                carried = Math.Min(RowTag.Length, span.Length);
                span[^carried..].CopyTo(buffer);
            }
        }
    }

    // "<row" followed by a space or '>' (not "<rowBreaks"); a tag split across reads is found once, in the carried bytes.
    private static long CountRows(ReadOnlySpan<byte> span)
    {
        long count = 0;
        for (var at = span.IndexOf(RowTag); at >= 0 && at + RowTag.Length < span.Length; )
        {
            var next = span[at + RowTag.Length];
            if (next is (byte)' ' or (byte)'>' or (byte)'\t' or (byte)'\r' or (byte)'\n') count++;
            span = span[(at + RowTag.Length)..];
            at = span.IndexOf(RowTag);
        }
        return count;
    }

    private static ImportRefusedException TooManyRows(int max) => new(string.Create(CultureInfo.InvariantCulture,
        $"文件超过 {max} 行的上限，未导入任何条目：请拆分成多个文件后分别导入"));

    private static ImportRefusedException TooLarge(long max) => new(string.Create(CultureInfo.InvariantCulture,
        $"XLSX 文件解压后超过 {max / (1024 * 1024)} MB 的上限，未导入任何条目：请拆分成多个文件，或删除多余的工作表和空行后再导入"));
}
