using System.Globalization;
using System.IO.Compression;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Looks inside an XLSX (a zip) before any XML is parsed: a few hundred KB can unpack to gigabytes of rows (a
/// decompression bomb). The declared sizes are checked first, then each part is inflated through a counter, since
/// a hostile zip may declare small sizes and hold large ones.
/// </summary>
internal static class XlsxInspection
{
    // A workbook has a dozen parts; thousands is not a spreadsheet an editor made.
    private const int MaxParts = 1000;

    /// <summary>Throws <see cref="ImportRefusedException"/> when the unpacked workbook is larger than allowed.</summary>
    public static void Check(byte[] content, long maxUncompressedBytes)
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
            using var stream = part.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                inflated += read;
                if (inflated > maxUncompressedBytes) throw TooLarge(maxUncompressedBytes);
            }
        }
    }

    private static ImportRefusedException TooLarge(long max) => new(string.Create(CultureInfo.InvariantCulture,
        $"XLSX 文件解压后超过 {max / (1024 * 1024)} MB 的上限，未导入任何条目：请拆分成多个文件，或删除多余的工作表和空行后再导入"));
}
